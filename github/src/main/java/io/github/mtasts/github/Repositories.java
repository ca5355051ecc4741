package io.github.mtasts.github;

import com.google.gson.JsonObject;
import io.github.mtasts.wait.WaitOptions;
import io.github.mtasts.wait.Waiter;
import java.util.Locale;
import java.util.Optional;

/**
 * Reads, creates and deletes the repositories that hold policy sites.
 *
 * <p>Create never takes over an existing repository: GitHub refuses a second repository with the
 * same name (422, "name already exists on this account") and this is reported as a
 * {@link RepositoryExistsException} carrying the existing one. A created repository is public
 * (Pages on a private repository needs a paid plan) and initialised with a commit, so that its
 * default branch exists for the Git database API, which answers 409 for an empty repository.
 */
public final class Repositories {

  private final GitHubHttp http;

  Repositories(GitHubHttp http) {
    this.http = http;
  }

  /**
   * Reads a repository.
   *
   * @param name owner and name
   * @param wait the operation's time budget (rate limits, retries)
   * @return the repository, or empty when it does not exist or the token cannot see it
   * @throws GitHubException when the call fails otherwise
   */
  public Optional<Repository> get(RepositoryName name, WaitOptions wait) {
    return get(name, Waiter.start(wait));
  }

  Optional<Repository> get(RepositoryName name, Waiter waiter) {
    // repos/get: GET /repos/{owner}/{repo}; 200, 301 (renamed: followed), 403, 404.
    ApiCall call = ApiCall.get("read repository " + name + " (repos/get)",
        http.url("repos", name.owner(), name.name()));
    ApiResponse response = http.send(call, waiter);
    if (response.status() == 404) {
      return Optional.empty();
    }
    if (!response.ok()) {
      throw ApiErrors.failure(call, response);
    }
    return Optional.of(Repository.fromJson(response.object(), call.operation()));
  }

  /**
   * Creates a public repository with an initial commit on its default branch, for the
   * authenticated user when {@code name.owner()} is that user, else in that organisation.
   *
   * @param name owner and name
   * @param description the repository's description
   * @param wait the operation's time budget (rate limits, retries, the initial commit)
   * @return the repository as created
   * @throws RepositoryExistsException when a repository of that name exists
   * @throws GitHubException when the call fails otherwise, e.g. the token may not create
   *     repositories in that organisation
   */
  public Repository create(RepositoryName name, String description, WaitOptions wait) {
    Waiter waiter = Waiter.start(wait);
    boolean forUser = authenticatedLogin(waiter).equalsIgnoreCase(name.owner());
    JsonObject body = new JsonObject();
    body.addProperty("name", name.name());
    body.addProperty("description", description);
    // The site is public: Pages on a private repository needs GitHub Pro, Team or Enterprise
    // ("About GitHub Pages"). repos/create-in-org takes `visibility`, repos/create-for-
    // authenticated-user `private`.
    if (forUser) {
      body.addProperty("private", false);
    } else {
      body.addProperty("visibility", "public");
    }
    // auto_init: "Pass true to create an initial commit with empty README", so that the default
    // branch exists for the Git database API.
    body.addProperty("auto_init", true);
    body.addProperty("has_issues", false);
    body.addProperty("has_projects", false);
    body.addProperty("has_wiki", false);
    ApiCall call = forUser
        ? ApiCall.write("create repository " + name + " (repos/create-for-authenticated-user)",
            "POST", http.url("user", "repos"), body, false)
        : ApiCall.write("create repository " + name + " (repos/create-in-org)",
            "POST", http.url("orgs", name.owner(), "repos"), body, false);
    ApiResponse response;
    try {
      response = http.send(call, waiter);
    } catch (GitHubException e) {
      if (!e.outcomeUnknown()) {
        throw e;
      }
      // The answer was lost: a repository there now is the one this request created (a second
      // create would have been refused with 422, not a 5xx).
      Repository created = get(name, waiter).orElseThrow(() -> e);
      waiter.progress().report("GitHub answered a server error, but repository " + name
          + " was created");
      return awaitInitialCommit(created, waiter);
    }
    if (response.status() == 422
        && response.text().toLowerCase(Locale.ROOT).contains("already exists")) {
      Optional<Repository> existing = get(name, waiter);
      if (existing.isPresent()) {
        throw new RepositoryExistsException(existing.get());
      }
    }
    if (response.status() != 201) {
      throw ApiErrors.failure(call, response, createAdvice(response, name, forUser));
    }
    return awaitInitialCommit(Repository.fromJson(response.object(), call.operation()), waiter);
  }

  /**
   * Deletes a repository; deleting one that does not exist succeeds.
   *
   * @param name owner and name
   * @param wait the operation's time budget (rate limits, retries)
   * @throws GitHubException when GitHub refuses, e.g. the organisation forbids members to delete
   *     repositories, or the token lacks the permission
   */
  public void delete(RepositoryName name, WaitOptions wait) {
    Waiter waiter = Waiter.start(wait);
    // repos/delete: DELETE /repos/{owner}/{repo}; 204, 307, 403 (organisation forbids), 404, 409.
    ApiCall call = ApiCall.write("delete repository " + name + " (repos/delete)", "DELETE",
        http.url("repos", name.owner(), name.name()), null, true);
    ApiResponse response = http.send(call, waiter);
    if (response.status() == 404) {
      waiter.progress().report("repository " + name + " is already gone");
      return;
    }
    if (response.status() != 204) {
      throw ApiErrors.failure(call, response);
    }
  }

  /** The login of the token's owner (users/get-authenticated: GET /user). */
  private String authenticatedLogin(Waiter waiter) {
    ApiCall call = ApiCall.get("read the token's user (users/get-authenticated)",
        http.url("user"));
    ApiResponse response = http.send(call, waiter);
    if (!response.ok()) {
      throw ApiErrors.failure(call, response);
    }
    return Json.required(response.object(), "login", call.operation());
  }

  /** Waits until the default branch exists (auto_init's commit), within the budget. */
  private Repository awaitInitialCommit(Repository repository, Waiter waiter) {
    new Branches(http).awaitHead(repository.name(), repository.defaultBranch(), waiter);
    return repository;
  }

  private static String createAdvice(ApiResponse response, RepositoryName name, boolean forUser) {
    if (response.status() == 404 && !forUser) {
      return "organisation " + name.owner() + " does not exist, or the token may not create"
          + " repositories in it: check githubOwner, and grant the token the repository"
          + " permission \"Administration: Read and write\" on that organisation";
    }
    String permissions = ApiErrors.permissionAdvice(response);
    return permissions.isEmpty() && response.status() == 403
        ? "the token may not create repositories for " + name.owner()
            + ": grant it the repository permission \"Administration: Read and write\""
        : permissions;
  }
}
