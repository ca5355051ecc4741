package io.github.mtasts.testlab;

import static io.github.mtasts.testlab.FakeGitHubAccounts.key;
import static io.github.mtasts.testlab.FakeGitHubReply.bool;
import static io.github.mtasts.testlab.FakeGitHubReply.string;

import com.google.gson.JsonObject;
import io.github.mtasts.testlab.FakeGitHubAccounts.Account;
import io.github.mtasts.testlab.FakeGitHubAccounts.Token;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * The repositories of {@link FakeGitHubApi} and the operations on them: repos/get,
 * repos/create-for-authenticated-user, repos/create-in-org and repos/delete. Guarded by the fake's
 * lock.
 */
final class FakeGitHubRepositories {

  private final AtomicLong ids;
  private final FakeGitHubAccounts accounts;
  private final Supplier<String> apiUrl;
  private final Map<String, FakeRepository> repos = new LinkedHashMap<>();

  FakeGitHubRepositories(AtomicLong ids, FakeGitHubAccounts accounts, Supplier<String> apiUrl) {
    this.ids = ids;
    this.accounts = accounts;
    this.apiUrl = apiUrl;
  }

  Optional<FakeRepository> find(String owner, String name) {
    return Optional.ofNullable(repos.get(key(owner + "/" + name)));
  }

  FakeRepository require(String owner, String name) {
    return find(owner, name).orElseThrow(() -> new IllegalArgumentException("no repository "
        + owner + "/" + name + " in the fake"));
  }

  Collection<FakeRepository> all() {
    return repos.values();
  }

  /** A new repository of an account, without any commit. */
  FakeRepository add(Account owner, String name, boolean isPrivate) {
    FakeRepository repo = new FakeRepository(owner.login, name, ids.incrementAndGet());
    repo.isPrivate = isPrivate;
    repo.defaultBranch = owner.defaultBranch;
    repos.put(key(repo.fullName()), repo);
    return repo;
  }

  /**
   * The first commit of a repository initialised with a README ("Creating a new repository":
   * "Initialize this repository with a README"; repos/create's {@code auto_init}).
   */
  static void initialCommit(FakeRepository repo) {
    String readme = repo.objects.putBlob(("# " + repo.name + "\n")
        .getBytes(StandardCharsets.UTF_8));
    String tree = repo.objects.putTree(Map.of("README.md",
        new FakeGitObjects.Entry("100644", "blob", readme)));
    repo.branches.put(repo.defaultBranch, repo.objects.putCommit(new FakeGitObjects.Commit(tree,
        List.of(), "Initial commit", repo.owner, repo.owner + "@users.noreply.github.com",
        repo.created)));
  }

  /** repos/create-in-org: POST /orgs/{org}/repos; 201, 403, 422; 404 for an unknown org. */
  FakeGitHubReply createInOrg(String org, Token token, JsonObject body) {
    Optional<Account> account = accounts.find(org).filter(a -> a.organization);
    if (account.isEmpty()) {
      return FakeGitHubReply.error(404, "Not Found");
    }
    if (!account.get().members.contains(key(token.login()))) {
      return FakeGitHubReply.error(403, "You need admin access to the organization before"
          + " adding a repository to it.");
    }
    return create(account.get(), token, body);
  }

  /** repos/create-for-authenticated-user: POST /user/repos. */
  FakeGitHubReply createForUser(Token token, JsonObject body) {
    return create(accounts.account(token.login()), token, body);
  }

  /**
   * repos/create-for-authenticated-user and repos/create-in-org: 201 with the repository; 422
   * "Repository creation failed." with the error "name already exists on this account".
   */
  private FakeGitHubReply create(Account owner, Token token, JsonObject body) {
    String name = string(body, "name");
    if (name == null || !name.matches("[A-Za-z0-9._-]{1,100}")) {
      return FakeGitHubReply.validation("Repository", "name", "invalid", "name is invalid");
    }
    if (find(owner.login, name).isPresent()) {
      return FakeGitHubReply.custom("Repository creation failed.", "Repository", "name",
          "name already exists on this account");
    }
    boolean isPrivate = body.has("visibility")
        ? "private".equals(string(body, "visibility")) : bool(body, "private");
    FakeRepository repo = add(owner, name, isPrivate);
    repo.description = string(body, "description");
    if (bool(body, "auto_init")) {
      initialCommit(repo);
    }
    return FakeGitHubReply.of(201, json(repo, token))
        .header("Location", apiUrl.get() + "/repos/" + owner.login + "/" + name);
  }

  /** repos/get: GET /repos/{owner}/{repo}; 200 full-repository. */
  FakeGitHubReply get(FakeRepository repo, Token token) {
    return FakeGitHubReply.of(200, json(repo, token));
  }

  /** repos/delete: DELETE /repos/{owner}/{repo}; 204; 403 without admin rights. */
  FakeGitHubReply delete(FakeRepository repo, Token token) {
    if (!accounts.isAdmin(token, repo)) {
      return FakeGitHubReply.error(403, "Must have admin rights to Repository.");
    }
    repos.remove(key(repo.fullName()));
    return FakeGitHubReply.of(204, null);
  }

  /** The full-repository fields a client reads. */
  private JsonObject json(FakeRepository repo, Token token) {
    JsonObject json = new JsonObject();
    json.addProperty("id", repo.id);
    json.addProperty("name", repo.name);
    json.addProperty("full_name", repo.fullName());
    JsonObject owner = new JsonObject();
    Account account = accounts.account(repo.owner);
    owner.addProperty("login", account.login);
    owner.addProperty("id", account.id);
    owner.addProperty("type", account.organization ? "Organization" : "User");
    json.add("owner", owner);
    json.addProperty("private", repo.isPrivate);
    json.addProperty("visibility", repo.isPrivate ? "private" : "public");
    json.addProperty("description", repo.description);
    json.addProperty("html_url", "https://github.com/" + repo.fullName());
    json.addProperty("url", apiUrl.get() + "/repos/" + repo.fullName());
    json.addProperty("fork", false);
    json.addProperty("archived", false);
    json.addProperty("default_branch", repo.defaultBranch);
    json.addProperty("has_pages", repo.pages != null);
    json.addProperty("created_at", repo.created.toString());
    JsonObject permissions = new JsonObject();
    boolean admin = accounts.isAdmin(token, repo);
    permissions.addProperty("admin", admin);
    permissions.addProperty("maintain", admin);
    permissions.addProperty("push", admin);
    permissions.addProperty("triage", admin);
    permissions.addProperty("pull", true);
    json.add("permissions", permissions);
    return json;
  }
}
