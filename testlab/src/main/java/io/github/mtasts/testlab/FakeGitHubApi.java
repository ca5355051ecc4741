package io.github.mtasts.testlab;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.github.mtasts.testlab.FakeGitHubAccounts.Token;
import java.io.IOException;
import java.net.InetAddress;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;

/**
 * A stateful stand-in for the GitHub REST API on loopback, for the operations a policy site on
 * GitHub Pages needs: the authenticated user, repositories, the Git database (blobs, trees,
 * commits, references), the contents API's file write, Pages and its DNS health check.
 *
 * <p>Written from GitHub's published OpenAPI description (github/rest-api-description,
 * api.github.com, version 2022-11-28) and REST documentation, not from any client: each handler
 * names its operation id, and answers with the statuses, bodies and headers documented there.
 * Where the documentation is silent, the behaviour follows GitHub's answers as users reported
 * them, and says so. This class routes each request to its operation and holds the state for the
 * test; the concerns live apart: {@link FakeGitHubGate} (user agent, version, token, permissions,
 * rate limits, ETags, injected faults), {@link FakeGitHubAccounts}, {@link FakeGitHubRepositories},
 * {@link FakeGitData} and {@link FakePagesApi}. One lock, this object's, guards them all.
 *
 * <p>The test drives what GitHub does on its own: {@link #advanceCertificates()} moves every
 * certificate one step (see {@link FakePagesSite}), and {@link #dns(Function)} says where a
 * custom domain's CNAME points, for GitHub's DNS check. Faults: {@link #failBefore} answers an
 * operation with an error without doing it, {@link #failAfter} does it and answers 502; someone
 * else's push is {@link #push}, at a chosen moment with {@link #onNext}. What a person does in the
 * web interface: {@link #createRepository}, {@link #createEmptyRepository}, {@link #enablePages},
 * {@link #enforceHttps}.
 *
 * <p>Where this fake may differ from GitHub (besides what {@link FakePagesSite} and
 * {@link PagesEdge} say of the certificate and of serving):
 *
 * <ul>
 *   <li>Rate limits are counted per fake, not per user or app, and secondary limits come only when
 *       the test injects them; GitHub's own heuristics (content creation, concurrency) are not
 *       modelled. ETags are weak hashes of the body; GitHub's may change without a content change.
 *   <li>Permissions are the coarse table of {@link FakeGitHubGate}: an organisation's members own
 *       it; organisation policies (members may not create or delete repositories, SSO, IP allow
 *       lists), a token's repository selection and its resource owner are not modelled.
 *   <li>A repository created with {@code auto_init} has its first commit at once (GitHub's may
 *       take a moment, which the client waits for); a deleted repository is gone at once and its
 *       name free (GitHub keeps it restorable for 90 days); renames and transfers (301) are not
 *       modelled; the description is kept as given.
 *   <li>The contents API's write creates the default branch of an empty repository, as users
 *       report GitHub does (not documented); only creating and updating one file is modelled.
 *   <li>Setting the custom domain through the API commits no {@code CNAME} file (the web
 *       interface does; whether the API does is not documented). The DNS check at the first
 *       certificate step knows only a CNAME record to {@code OWNER.github.io}; GitHub also
 *       accepts A and AAAA records of Pages' addresses for an apex domain, checks CAA records,
 *       and tells proxies apart. The health check's answer is computed from that CNAME alone.
 *   <li>A Pages site has {@code status: built} as soon as its branch exists: GitHub's build after
 *       each push, its duration and its failures are not modelled, nor its CDN's cache.
 * </ul>
 */
public final class FakeGitHubApi implements AutoCloseable {

  /** The API version of the description this fake follows ("API Versions"). */
  public static final String API_VERSION = FakeGitHubGate.API_VERSION;

  private static final Pattern REPO_PATH = Pattern.compile("/repos/([^/]+)/([^/]+)(/.*)?");

  /**
   * One request the fake answered.
   *
   * @param method the HTTP method
   * @param path the path and query
   * @param operationId the operation it was routed to, or "" when none
   * @param status the status answered
   * @param headers the request headers, {@code Authorization} replaced by its scheme
   */
  public record Call(String method, String path, String operationId, int status,
      Map<String, String> headers) {}

  private final MockWebServer server = new MockWebServer();
  private final InetAddress bind;
  private final AtomicLong ids = new AtomicLong(1000);
  private final FakeGitHubAccounts accounts = new FakeGitHubAccounts(ids);
  private final FakeGitHubGate gate = new FakeGitHubGate(ids, accounts);
  private final FakeGitHubRepositories repositories =
      new FakeGitHubRepositories(ids, accounts, this::url);
  private final FakeGitData git = new FakeGitData(this::url);
  private final FakePagesApi pages = new FakePagesApi(this::url, accounts,
      this::repositoryServing);
  private final List<Call> calls = new ArrayList<>();

  private FakeGitHubApi(InetAddress bind) {
    this.bind = bind;
  }

  /**
   * Starts the fake on a free port.
   *
   * @param bind a loopback address
   * @return the running fake
   * @throws IOException when the port cannot be bound
   * @throws IllegalArgumentException when the address is not a loopback address
   */
  public static FakeGitHubApi start(InetAddress bind) throws IOException {
    if (!bind.isLoopbackAddress()) {
      throw new IllegalArgumentException("the fake GitHub API listens on loopback only, not "
          + bind);
    }
    FakeGitHubApi api = new FakeGitHubApi(bind);
    api.server.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) {
        return api.dispatchRequest(request);
      }
    });
    api.server.start(bind, 0);
    return api;
  }

  /**
   * Returns the API's base URL, to give a client instead of {@code https://api.github.com}.
   *
   * @return e.g. {@code http://127.0.40.1:40123}
   */
  public String url() {
    // The address as given: the server's own URL would look its name up, which may be slow.
    return "http://" + bind.getHostAddress() + ":" + server.getPort();
  }

  // ---- accounts and tokens ------------------------------------------------------------------

  /**
   * Adds a user account.
   *
   * @param login the login
   * @return this fake
   */
  public synchronized FakeGitHubApi user(String login) {
    accounts.user(login);
    return this;
  }

  /**
   * Adds an organisation with members, who may create repositories in it and administer them.
   *
   * @param login the organisation's login
   * @param members logins of existing users
   * @return this fake
   */
  public synchronized FakeGitHubApi organization(String login, String... members) {
    accounts.organization(login, members);
    return this;
  }

  /**
   * Gives an account a paid plan, under which Pages also serves private repositories.
   *
   * @param login the account
   * @return this fake
   */
  public synchronized FakeGitHubApi paidPlan(String login) {
    accounts.account(login).paidPlan = true;
    return this;
  }

  /**
   * Issues a token for a user, like a fine-grained personal access token with these repository
   * permissions, for example {@code contents=write}; with none given, it has every permission.
   *
   * @param login the user
   * @param token the secret
   * @param permissions {@code name=read} or {@code name=write} each
   * @return this fake
   */
  public synchronized FakeGitHubApi token(String login, String token, String... permissions) {
    accounts.token(login, token, permissions);
    return this;
  }

  // ---- what GitHub does on its own, and faults ---------------------------------------------

  /**
   * Sets how GitHub's DNS check sees a custom domain: the name its CNAME record points at.
   *
   * @param cnameOf from a custom domain to its CNAME target (without trailing dot), or empty
   * @return this fake
   */
  public synchronized FakeGitHubApi dns(Function<String, Optional<String>> cnameOf) {
    pages.dns(cnameOf);
    return this;
  }

  /**
   * Makes every read of a Pages site move its certificate one step first, so that a client
   * polling sees it progress without the test stepping.
   *
   * @param enabled whether reads advance certificates
   * @return this fake
   */
  public FakeGitHubApi advanceCertificatesOnRead(boolean enabled) {
    return advanceCertificatesOnRead(enabled ? 1 : 0);
  }

  /**
   * Makes every read of a Pages site move its certificate some steps first: a certificate that
   * GitHub issues in a few polls rather than in seven.
   *
   * @param steps how many steps each read moves it, 0 for none
   * @return this fake
   */
  public synchronized FakeGitHubApi advanceCertificatesOnRead(int steps) {
    pages.advanceOnRead(steps);
    return this;
  }

  /** Moves every custom domain's certificate one step (see {@link FakePagesSite}). */
  public synchronized void advanceCertificates() {
    repositories.all().forEach(pages::advance);
  }

  /**
   * Answers the next request to an operation with this status and GitHub's error body, without
   * doing anything.
   *
   * @param operationId e.g. {@code git/update-ref}
   * @param status e.g. 500
   */
  public synchronized void failBefore(String operationId, int status) {
    gate.failBefore(operationId, status);
  }

  /**
   * Carries out the next request to an operation, then answers 502 instead of its answer: the
   * write happened, the client saw a server error.
   *
   * @param operationId e.g. {@code repos/create-for-authenticated-user}
   */
  public synchronized void failAfter(String operationId) {
    gate.failAfter(operationId);
  }

  /**
   * Runs an action once, just before the next request to an operation is carried out: someone
   * else acting at that moment, e.g. a {@link #push} between a client's read of a branch and its
   * update of it.
   *
   * @param operationId e.g. {@code git/update-ref}
   * @param action what happens first
   */
  public synchronized void onNext(String operationId, Runnable action) {
    gate.onNext(operationId, action);
  }

  /**
   * Sets the primary rate limit's state: when {@code remaining} is 0, requests are refused until
   * {@code reset}.
   *
   * @param remaining requests left in the window
   * @param reset when the window resets
   */
  public synchronized void primaryRateLimit(int remaining, Instant reset) {
    gate.primaryRateLimit(remaining, reset);
  }

  /**
   * Refuses the next requests for a secondary rate limit.
   *
   * @param requests how many requests
   * @param status 403 or 429
   * @param retryAfterSeconds the {@code retry-after} header's value
   */
  public synchronized void secondaryRateLimit(int requests, int status, long retryAfterSeconds) {
    gate.secondaryRateLimit(requests, status, retryAfterSeconds);
  }

  // ---- what a person does ---------------------------------------------------------------------

  /**
   * Pushes a commit to a branch as someone else would, on top of its head.
   *
   * @param owner the repository's owner
   * @param name the repository's name
   * @param branch the branch
   * @param files paths to UTF-8 contents to add or change
   * @return the new commit's id
   */
  public synchronized String push(String owner, String name, String branch,
      Map<String, String> files) {
    return FakeGitData.push(repositories.require(owner, name), branch, files,
        "Push by someone else", "Someone Else");
  }

  /**
   * Creates a repository as a person does in the web interface, with a first commit holding
   * {@code README.md} on the account's default branch.
   *
   * @param owner an existing account
   * @param name the repository's name
   * @param isPrivate whether it is private
   * @return this fake
   */
  public synchronized FakeGitHubApi createRepository(String owner, String name,
      boolean isPrivate) {
    FakeGitHubRepositories.initialCommit(
        repositories.add(accounts.account(owner), name, isPrivate));
    return this;
  }

  /**
   * Creates a public repository as a person does in the web interface without initialising it:
   * no commit, no branch ("Creating a new repository": a README, .gitignore or license are
   * options).
   *
   * @param owner an existing account
   * @param name the repository's name
   * @return this fake
   */
  public synchronized FakeGitHubApi createEmptyRepository(String owner, String name) {
    repositories.add(accounts.account(owner), name, false);
    return this;
  }

  /**
   * Turns Pages on for a repository as a person does in its settings.
   *
   * @param owner the owner
   * @param name the repository
   * @param branch the branch published from its root
   * @param cname the custom domain, or null
   * @return the site, to change further
   */
  public synchronized FakePagesSite enablePages(String owner, String name, String branch,
      String cname) {
    FakeRepository repo = repositories.require(owner, name);
    repo.pages = new FakePagesSite(branch, "/");
    repo.pages.cname(cname);
    return repo.pages;
  }

  /**
   * Ticks "Enforce HTTPS" in a repository's Pages settings, as a person does once the box can be
   * ticked: when the custom domain's certificate is approved.
   *
   * @param owner the owner
   * @param name the repository
   * @throws IllegalStateException when Pages is off or the certificate is not approved yet
   */
  public synchronized void enforceHttps(String owner, String name) {
    FakePagesSite site = repositories.require(owner, name).pages;
    if (site == null || !site.certificateIssued()) {
      throw new IllegalStateException("Enforce HTTPS cannot be ticked before the certificate of"
          + " the custom domain is approved");
    }
    site.httpsEnforced = true;
  }

  // ---- state, for assertions and the Pages edge ---------------------------------------------

  /**
   * Returns the requests answered so far.
   *
   * @return the calls, oldest first
   */
  public synchronized List<Call> calls() {
    return List.copyOf(calls);
  }

  /**
   * Returns whether a repository exists.
   *
   * @param owner the owner
   * @param name the name
   * @return true when it exists
   */
  public synchronized boolean hasRepository(String owner, String name) {
    return repositories.find(owner, name).isPresent();
  }

  /**
   * Returns a repository's description.
   *
   * @param owner the owner
   * @param name the name
   * @return the description, or empty when it has none
   */
  public synchronized Optional<String> description(String owner, String name) {
    return Optional.ofNullable(repositories.require(owner, name).description);
  }

  /**
   * Returns a repository's default branch.
   *
   * @param owner the owner
   * @param name the name
   * @return the branch name
   */
  public synchronized String defaultBranch(String owner, String name) {
    return repositories.require(owner, name).defaultBranch;
  }

  /**
   * Returns the commit a branch points at.
   *
   * @param owner the owner
   * @param name the name
   * @param branch the branch
   * @return the commit id, or empty
   */
  public synchronized Optional<String> head(String owner, String name, String branch) {
    return repositories.find(owner, name).map(r -> r.branches.get(branch));
  }

  /**
   * Returns the parents of a commit.
   *
   * @param owner the owner
   * @param name the name
   * @param commit a commit id
   * @return the parents' ids
   */
  public synchronized List<String> parents(String owner, String name, String commit) {
    return repositories.require(owner, name).objects.commit(commit).orElseThrow().parents();
  }

  /**
   * Returns the files on a branch, by path.
   *
   * @param owner the owner
   * @param name the name
   * @param branch the branch
   * @return path to content; empty when the branch does not exist
   */
  public synchronized Map<String, byte[]> files(String owner, String name, String branch) {
    Map<String, byte[]> files = new TreeMap<>();
    Optional<FakeRepository> repo = repositories.find(owner, name);
    String head = repo.map(r -> r.branches.get(branch)).orElse(null);
    if (head == null) {
      return files;
    }
    FakeGitObjects objects = repo.get().objects;
    String tree = objects.commit(head).orElseThrow().tree();
    objects.flatten(tree, false).forEach((path, entry) ->
        files.put(path, objects.blob(entry.sha()).orElseThrow()));
    return files;
  }

  /**
   * Returns a repository's Pages site.
   *
   * @param owner the owner
   * @param name the name
   * @return the site, or empty when Pages is off
   */
  public synchronized Optional<FakePagesSite> pages(String owner, String name) {
    return repositories.find(owner, name).map(r -> r.pages);
  }

  /**
   * Finds the repository whose Pages site has this custom domain.
   *
   * @param domain e.g. {@code mta-sts.example.com}
   * @return {@code owner/name}, or empty
   */
  public synchronized Optional<String> repositoryServing(String domain) {
    return repositories.all().stream()
        .filter(r -> r.pages != null && domain.equalsIgnoreCase(r.pages.cname()))
        .map(FakeRepository::fullName).findFirst();
  }

  // ---- dispatch -----------------------------------------------------------------------------

  private synchronized MockResponse dispatchRequest(RecordedRequest request) {
    String method = request.getMethod();
    String path = request.getUrl().encodedPath();
    String operation = operationId(method, path);
    FakeGitHubReply answer = gate.answer(request, operation,
        token -> route(path, operation, token, request));
    Map<String, String> headers = new TreeMap<>();
    request.getHeaders().forEach(h -> headers.put(h.getFirst().toLowerCase(Locale.ROOT),
        "authorization".equalsIgnoreCase(h.getFirst()) ? h.getSecond().split(" ", 2)[0]
            : h.getSecond()));
    String query = request.getUrl().encodedQuery();
    calls.add(new Call(method, path + (query == null ? "" : "?" + query), operation,
        answer.status(), headers));
    MockResponse.Builder response = new MockResponse.Builder().code(answer.status());
    answer.headers().forEach(response::addHeader);
    if (answer.body() != null && answer.status() != 304 && answer.status() != 204) {
      response.addHeader("Content-Type", "application/json; charset=utf-8")
          .body(answer.body().toString());
    }
    return response.build();
  }

  /** The operation id of the OpenAPI description that a method and path name, or "". */
  private static String operationId(String method, String path) {
    if (path.equals("/user")) {
      return "GET".equals(method) ? "users/get-authenticated" : "";
    }
    if (path.equals("/user/repos")) {
      return "POST".equals(method) ? "repos/create-for-authenticated-user" : "";
    }
    if (path.matches("/orgs/[^/]+/repos")) {
      return "POST".equals(method) ? "repos/create-in-org" : "";
    }
    Matcher repo = REPO_PATH.matcher(path);
    if (!repo.matches()) {
      return "";
    }
    String rest = repo.group(3) == null ? "" : repo.group(3);
    return switch (method + " " + rest.replaceAll("^/git/(ref|refs)/.*", "/git/$1/*")
        .replaceAll("^/git/(blobs|trees|commits)/[^/]+$", "/git/$1/*")
        .replaceAll("^/contents/.+", "/contents/*")) {
      case "GET " -> "repos/get";
      case "DELETE " -> "repos/delete";
      case "GET /git/ref/*" -> "git/get-ref";
      case "PATCH /git/refs/*" -> "git/update-ref";
      case "POST /git/blobs" -> "git/create-blob";
      case "GET /git/blobs/*" -> "git/get-blob";
      case "POST /git/trees" -> "git/create-tree";
      case "GET /git/trees/*" -> "git/get-tree";
      case "POST /git/commits" -> "git/create-commit";
      case "GET /git/commits/*" -> "git/get-commit";
      case "PUT /contents/*" -> "repos/create-or-update-file-contents";
      case "GET /pages" -> "repos/get-pages";
      case "POST /pages" -> "repos/create-pages-site";
      case "PUT /pages" -> "repos/update-information-about-pages-site";
      case "DELETE /pages" -> "repos/delete-pages-site";
      case "GET /pages/health" -> "repos/get-pages-health-check";
      default -> "";
    };
  }

  private FakeGitHubReply route(String path, String operation, Token token,
      RecordedRequest request) {
    JsonObject body = request.getBody() == null || request.getBody().size() == 0
        ? new JsonObject() : JsonParser.parseString(request.getBody().utf8()).getAsJsonObject();
    switch (operation) {
      case "users/get-authenticated":
        return accounts.authenticated(token);
      case "repos/create-for-authenticated-user":
        return repositories.createForUser(token, body);
      case "repos/create-in-org":
        return repositories.createInOrg(path.split("/")[2], token, body);
      default:
        break;
    }
    Matcher matcher = REPO_PATH.matcher(path);
    if (!matcher.matches()) {
      return FakeGitHubReply.error(404, "Not Found");
    }
    Optional<FakeRepository> found = repositories.find(matcher.group(1), matcher.group(2));
    if (found.isEmpty() || !accounts.canRead(token, found.get())) {
      return FakeGitHubReply.error(404, "Not Found");
    }
    FakeRepository repo = found.get();
    String rest = matcher.group(3) == null ? "" : matcher.group(3);
    String last = rest.substring(rest.lastIndexOf('/') + 1);
    return switch (operation) {
      case "repos/get" -> repositories.get(repo, token);
      case "repos/delete" -> repositories.delete(repo, token);
      case "git/get-ref" -> git.getRef(repo, rest.substring("/git/ref/".length()));
      case "git/update-ref" -> git.updateRef(repo, rest.substring("/git/refs/".length()), body);
      case "git/create-blob" -> git.createBlob(repo, body);
      case "git/get-blob" -> git.getBlob(repo, last);
      case "git/create-tree" -> git.createTree(repo, body);
      case "git/get-tree" -> git.getTree(repo, last,
          request.getUrl().queryParameter("recursive"));
      case "git/create-commit" -> git.createCommit(repo, token, body);
      case "git/get-commit" -> git.getCommit(repo, last);
      case "repos/create-or-update-file-contents" -> git.putContents(repo,
          rest.substring("/contents/".length()), token, body);
      case "repos/get-pages" -> pages.getPages(repo);
      case "repos/create-pages-site" -> pages.createPages(repo, body);
      case "repos/update-information-about-pages-site" -> pages.updatePages(repo, body);
      case "repos/delete-pages-site" -> pages.deletePages(repo);
      case "repos/get-pages-health-check" -> pages.healthCheck(repo);
      default -> FakeGitHubReply.error(404, "Not Found");
    };
  }

  @Override
  public void close() {
    server.close();
  }
}
