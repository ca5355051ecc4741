package io.github.mtasts.testlab;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
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
 * commits, references), Pages and its DNS health check.
 *
 * <p>Written from GitHub's published OpenAPI description (github/rest-api-description,
 * api.github.com, version 2022-11-28) and REST documentation, not from any client: each handler
 * names its operation id, and answers with the statuses, bodies and headers documented there.
 * Where the documentation is silent, the behaviour follows GitHub's answers as users reported
 * them, and says so. Cross-cutting behaviour:
 *
 * <ul>
 *   <li>"Troubleshooting the REST API": no {@code User-Agent}: 403; an unknown
 *       {@code X-GitHub-Api-Version}: 400; a bad token: 401 "Bad credentials"; a fine-grained
 *       token without the permission: 403 "Resource not accessible by personal access token" with
 *       {@code X-Accepted-GitHub-Permissions} (permissions from "Permissions required for
 *       fine-grained personal access tokens").
 *   <li>"Rate limits for the REST API": {@code x-ratelimit-*} headers on every answer; once the
 *       primary limit is used up, 403 with {@code x-ratelimit-remaining: 0} until
 *       {@code x-ratelimit-reset}; secondary limits injected by the test as 403 or 429 with
 *       {@code retry-after}.
 *   <li>"Best practices for using the REST API": an {@code ETag} on every 200 to a GET; a GET with
 *       a matching {@code If-None-Match} gets 304 and does not count against the primary limit.
 * </ul>
 *
 * <p>The test drives what GitHub does on its own: {@link #advanceCertificates()} moves every
 * certificate one step (see {@link FakePagesSite}), and {@link #dns(Function)} says where a
 * custom domain's CNAME points, for GitHub's DNS check. Faults: {@link #failBefore} answers an
 * operation with an error without doing it, {@link #failAfter} does it and answers 502; someone
 * else's push is {@link #push}, at a chosen moment with {@link #onNext}.
 */
public final class FakeGitHubApi implements AutoCloseable {

  /** The API version of the description this fake follows ("API Versions"). */
  public static final String API_VERSION = "2022-11-28";

  private static final String DOCS = "https://docs.github.com/rest";
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

  private record Answer(int status, JsonElement body, Map<String, String> headers) {
    static Answer of(int status, JsonElement body) {
      return new Answer(status, body, new LinkedHashMap<>());
    }

    Answer header(String name, String value) {
      headers.put(name, value);
      return this;
    }
  }

  private static final class Account {
    final String login;
    final long id;
    final boolean organization;
    final Set<String> members = new HashSet<>();
    boolean paidPlan;
    String defaultBranch = "main";

    Account(String login, long id, boolean organization) {
      this.login = login;
      this.id = id;
      this.organization = organization;
    }
  }

  private static final class Token {
    final String login;
    final Set<String> permissions;

    Token(String login, Set<String> permissions) {
      this.login = login;
      this.permissions = permissions;
    }
  }

  private static final class Repo {
    final String owner;
    final String name;
    final long id;
    final Instant created = Instant.now();
    boolean isPrivate;
    String defaultBranch;
    final Map<String, String> branches = new LinkedHashMap<>();
    final FakeGitObjects objects = new FakeGitObjects();
    FakePagesSite pages;

    Repo(String owner, String name, long id) {
      this.owner = owner;
      this.name = name;
      this.id = id;
    }
  }

  private final MockWebServer server = new MockWebServer();
  private final AtomicLong ids = new AtomicLong(1000);
  private final Map<String, Account> accounts = new HashMap<>();
  private final Map<String, Token> tokens = new HashMap<>();
  private final Map<String, Repo> repos = new LinkedHashMap<>();
  private final List<Call> calls = new ArrayList<>();
  private final Map<String, Integer> failBefore = new HashMap<>();
  private final Map<String, Integer> failAfter = new HashMap<>();
  private final Map<String, Runnable> onNext = new HashMap<>();
  private Function<String, Optional<String>> dns = name -> Optional.empty();
  private boolean advanceOnRead;
  private final int primaryLimit = 5000;
  private int primaryRemaining = primaryLimit;
  private long primaryReset = Instant.now().plus(Duration.ofHours(1)).getEpochSecond();
  private int secondaryCount;
  private int secondaryStatus;
  private long secondaryRetryAfter;

  private final InetAddress bind;

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
    accounts.put(key(login), new Account(login, ids.incrementAndGet(), false));
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
    Account org = new Account(login, ids.incrementAndGet(), true);
    for (String member : members) {
      org.members.add(key(member));
    }
    accounts.put(key(login), org);
    return this;
  }

  /**
   * Gives an account a paid plan, under which Pages also serves private repositories.
   *
   * @param login the account
   * @return this fake
   */
  public synchronized FakeGitHubApi paidPlan(String login) {
    account(login).paidPlan = true;
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
    account(login);
    tokens.put(token, new Token(login, permissions.length == 0 ? null : Set.of(permissions)));
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
    this.dns = cnameOf;
    return this;
  }

  /**
   * Makes every read of a Pages site move its certificate one step first, so that a client
   * polling sees it progress without the test stepping.
   *
   * @param enabled whether reads advance certificates
   * @return this fake
   */
  public synchronized FakeGitHubApi advanceCertificatesOnRead(boolean enabled) {
    this.advanceOnRead = enabled;
    return this;
  }

  /** Moves every custom domain's certificate one step (see {@link FakePagesSite}). */
  public synchronized void advanceCertificates() {
    repos.values().stream().filter(r -> r.pages != null).forEach(this::advance);
  }

  /**
   * Answers the next request to an operation with this status and GitHub's error body, without
   * doing anything.
   *
   * @param operationId e.g. {@code git/update-ref}
   * @param status e.g. 500
   */
  public synchronized void failBefore(String operationId, int status) {
    failBefore.put(operationId, status);
  }

  /**
   * Carries out the next request to an operation, then answers 502 instead of its answer: the
   * write happened, the client saw a server error.
   *
   * @param operationId e.g. {@code repos/create-for-authenticated-user}
   */
  public synchronized void failAfter(String operationId) {
    failAfter.put(operationId, 502);
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
    onNext.put(operationId, action);
  }

  /**
   * Sets the primary rate limit's state: when {@code remaining} is 0, requests are refused until
   * {@code reset}.
   *
   * @param remaining requests left in the window
   * @param reset when the window resets
   */
  public synchronized void primaryRateLimit(int remaining, Instant reset) {
    this.primaryRemaining = remaining;
    this.primaryReset = reset.getEpochSecond();
  }

  /**
   * Refuses the next requests for a secondary rate limit.
   *
   * @param requests how many requests
   * @param status 403 or 429
   * @param retryAfterSeconds the {@code retry-after} header's value
   */
  public synchronized void secondaryRateLimit(int requests, int status, long retryAfterSeconds) {
    this.secondaryCount = requests;
    this.secondaryStatus = status;
    this.secondaryRetryAfter = retryAfterSeconds;
  }

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
    Repo repo = repo(owner, name).orElseThrow();
    String head = repo.branches.get(branch);
    String baseTree = head == null ? null : repo.objects.commit(head).orElseThrow().tree();
    Map<String, FakeGitObjects.Entry> changes = new LinkedHashMap<>();
    files.forEach((path, text) -> changes.put(path, new FakeGitObjects.Entry("100644", "blob",
        repo.objects.putBlob(text.getBytes(StandardCharsets.UTF_8)))));
    String tree = repo.objects.withPaths(baseTree, changes);
    String commit = repo.objects.putCommit(new FakeGitObjects.Commit(tree,
        head == null ? List.of() : List.of(head), "Push by someone else", "Someone Else",
        "someone@example.invalid", Instant.now()));
    repo.branches.put(branch, commit);
    return commit;
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
    Repo repo = newRepo(account(owner), name, isPrivate);
    initialCommit(repo);
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
    Repo repo = repo(owner, name).orElseThrow();
    repo.pages = new FakePagesSite(branch, "/");
    repo.pages.cname(cname);
    return repo.pages;
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
    return repo(owner, name).isPresent();
  }

  /**
   * Returns a repository's default branch.
   *
   * @param owner the owner
   * @param name the name
   * @return the branch name
   */
  public synchronized String defaultBranch(String owner, String name) {
    return repo(owner, name).orElseThrow().defaultBranch;
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
    return repo(owner, name).map(r -> r.branches.get(branch));
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
    return repo(owner, name).orElseThrow().objects.commit(commit).orElseThrow().parents();
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
    Optional<Repo> repo = repo(owner, name);
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
    return repo(owner, name).map(r -> r.pages);
  }

  /**
   * Finds the repository whose Pages site has this custom domain.
   *
   * @param domain e.g. {@code mta-sts.example.com}
   * @return {@code owner/name}, or empty
   */
  public synchronized Optional<String> repositoryServing(String domain) {
    return repos.values().stream()
        .filter(r -> r.pages != null && domain.equalsIgnoreCase(r.pages.cname()))
        .map(r -> r.owner + "/" + r.name).findFirst();
  }

  // ---- dispatch -----------------------------------------------------------------------------

  private synchronized MockResponse dispatchRequest(RecordedRequest request) {
    String method = request.getMethod();
    String path = request.getUrl().encodedPath();
    String operation = operationId(method, path);
    Answer answer = answer(request, method, path, operation);
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

  private Answer answer(RecordedRequest request, String method, String path, String operation) {
    // "Troubleshooting the REST API": "User agent required", "Not a supported version".
    if (request.getHeaders().get("User-Agent") == null) {
      return error(403, "Request forbidden by administrative rules. Please make sure your request"
          + " has a User-Agent header");
    }
    String version = request.getHeaders().get("X-GitHub-Api-Version");
    if (version != null && !API_VERSION.equals(version)) {
      return error(400, "API version " + version + " is not supported.");
    }
    // "Authenticating to the REST API": Authorization: Bearer TOKEN (or token TOKEN).
    String authorization = request.getHeaders().get("Authorization");
    Token token = null;
    if (authorization != null) {
      String[] parts = authorization.split(" ", 2);
      if (parts.length == 2 && (parts[0].equalsIgnoreCase("bearer")
          || parts[0].equalsIgnoreCase("token"))) {
        token = tokens.get(parts[1]);
      }
    }
    if (token == null) {
      return withRateHeaders(error(401, "Bad credentials"));
    }
    Answer limited = rateLimited();
    if (limited != null) {
      return limited;
    }
    if (operation.isEmpty()) {
      return count(error(404, "Not Found"));
    }
    String missing = missingPermission(token, operation);
    if (missing != null) {
      return count(error(403, "Resource not accessible by personal access token")
          .header("X-Accepted-GitHub-Permissions", missing));
    }
    Integer before = failBefore.remove(operation);
    if (before != null) {
      return count(error(before, before >= 500 ? "Server Error" : "Injected failure"));
    }
    Runnable first = onNext.remove(operation);
    if (first != null) {
      first.run();
    }
    Answer answer;
    try {
      answer = route(method, path, operation, token, request);
    } catch (JsonParseException | IllegalStateException | ClassCastException e) {
      answer = error(400, "Problems parsing JSON");
    }
    if (failAfter.remove(operation) != null) {
      return count(error(502, "Server Error"));
    }
    if ("GET".equals(method) && answer.status() == 200) {
      String etag = "W/\"" + sha256(answer.body().toString()) + "\"";
      answer.header("ETag", etag);
      if (etag.equals(request.getHeaders().get("If-None-Match"))) {
        // A 304 does not count against the primary rate limit.
        return withRateHeaders(new Answer(304, null, new LinkedHashMap<>(Map.of("ETag", etag))));
      }
    }
    return count(answer);
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
    String op = switch (method + " " + rest.replaceAll("^/git/(ref|refs)/.*", "/git/$1/*")
        .replaceAll("^/git/(blobs|trees|commits)/[^/]+$", "/git/$1/*")) {
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
      case "GET /pages" -> "repos/get-pages";
      case "POST /pages" -> "repos/create-pages-site";
      case "PUT /pages" -> "repos/update-information-about-pages-site";
      case "DELETE /pages" -> "repos/delete-pages-site";
      case "GET /pages/health" -> "repos/get-pages-health-check";
      default -> "";
    };
    return op;
  }

  /**
   * The permission a fine-grained token needs ("Permissions required for fine-grained personal
   * access tokens": Administration, Contents, Metadata, Pages), as
   * {@code X-Accepted-GitHub-Permissions} writes it; null when the token has it.
   */
  private static String missingPermission(Token token, String operation) {
    if (token.permissions == null) {
      return null;
    }
    String needed = switch (operation) {
      case "users/get-authenticated" -> "";
      case "repos/get" -> "metadata=read";
      case "repos/create-for-authenticated-user", "repos/create-in-org", "repos/delete" ->
          "administration=write";
      case "git/get-ref", "git/get-blob", "git/get-tree", "git/get-commit" -> "contents=read";
      case "git/update-ref", "git/create-blob", "git/create-tree", "git/create-commit" ->
          "contents=write";
      case "repos/get-pages" -> "pages=read";
      // Administration: write, with Pages: write as the additional permission.
      default -> "pages=write,administration=write";
    };
    for (String permission : needed.split(",")) {
      if (permission.isEmpty()) {
        continue;
      }
      String name = permission.substring(0, permission.indexOf('='));
      boolean has = token.permissions.contains(permission)
          || (permission.endsWith("=read") && token.permissions.contains(name + "=write"));
      if (!has) {
        return needed;
      }
    }
    return null;
  }

  private Answer route(String method, String path, String operation, Token token,
      RecordedRequest request) {
    JsonObject body = request.getBody() == null || request.getBody().size() == 0
        ? new JsonObject() : JsonParser.parseString(request.getBody().utf8()).getAsJsonObject();
    switch (operation) {
      case "users/get-authenticated":
        return getAuthenticated(token);
      case "repos/create-for-authenticated-user":
        return createRepository(account(token.login), token, body);
      case "repos/create-in-org":
        return createInOrg(path.split("/")[2], token, body);
      default:
        break;
    }
    Matcher matcher = REPO_PATH.matcher(path);
    if (!matcher.matches()) {
      return error(404, "Not Found");
    }
    Optional<Repo> found = repo(matcher.group(1), matcher.group(2));
    if (found.isEmpty() || !canRead(token, found.get())) {
      return error(404, "Not Found");
    }
    Repo repo = found.get();
    String rest = matcher.group(3) == null ? "" : matcher.group(3);
    String last = rest.substring(rest.lastIndexOf('/') + 1);
    return switch (operation) {
      case "repos/get" -> Answer.of(200, repositoryJson(repo, token));
      case "repos/delete" -> deleteRepository(repo, token);
      case "git/get-ref" -> getRef(repo, rest.substring("/git/ref/".length()));
      case "git/update-ref" -> updateRef(repo, rest.substring("/git/refs/".length()), body);
      case "git/create-blob" -> createBlob(repo, body);
      case "git/get-blob" -> getBlob(repo, last);
      case "git/create-tree" -> createTree(repo, body);
      case "git/get-tree" -> getTree(repo, last, request.getUrl().queryParameter("recursive"));
      case "git/create-commit" -> createCommit(repo, token, body);
      case "git/get-commit" -> getCommit(repo, last);
      case "repos/get-pages" -> getPages(repo);
      case "repos/create-pages-site" -> createPages(repo, body);
      case "repos/update-information-about-pages-site" -> updatePages(repo, body);
      case "repos/delete-pages-site" -> deletePages(repo);
      case "repos/get-pages-health-check" -> healthCheck(repo);
      default -> error(404, "Not Found");
    };
  }

  // ---- users and repositories ---------------------------------------------------------------

  /** users/get-authenticated: GET /user; 200 with the login. */
  private Answer getAuthenticated(Token token) {
    Account user = account(token.login);
    JsonObject json = new JsonObject();
    json.addProperty("login", user.login);
    json.addProperty("id", user.id);
    json.addProperty("type", "User");
    return Answer.of(200, json);
  }

  /** repos/create-in-org: POST /orgs/{org}/repos; 201, 403, 422; 404 for an unknown org. */
  private Answer createInOrg(String org, Token token, JsonObject body) {
    Account account = accounts.get(key(org));
    if (account == null || !account.organization) {
      return error(404, "Not Found");
    }
    if (!account.members.contains(key(token.login))) {
      return error(403, "You need admin access to the organization before adding a repository"
          + " to it.");
    }
    return createRepository(account, token, body);
  }

  /**
   * repos/create-for-authenticated-user and repos/create-in-org: 201 with the repository; 422
   * "Repository creation failed." with the error "name already exists on this account".
   */
  private Answer createRepository(Account owner, Token token, JsonObject body) {
    String name = string(body, "name");
    if (name == null || !name.matches("[A-Za-z0-9._-]{1,100}")) {
      return validation("Repository", "name", "invalid", "name is invalid");
    }
    if (repo(owner.login, name).isPresent()) {
      JsonObject json = errorBody("Repository creation failed.");
      JsonArray errors = new JsonArray();
      JsonObject error = new JsonObject();
      error.addProperty("resource", "Repository");
      error.addProperty("code", "custom");
      error.addProperty("field", "name");
      error.addProperty("message", "name already exists on this account");
      errors.add(error);
      json.add("errors", errors);
      return Answer.of(422, json);
    }
    boolean isPrivate = body.has("visibility")
        ? "private".equals(string(body, "visibility")) : bool(body, "private");
    Repo repo = newRepo(owner, name, isPrivate);
    if (bool(body, "auto_init")) {
      initialCommit(repo);
    }
    return Answer.of(201, repositoryJson(repo, token))
        .header("Location", url() + "/repos/" + owner.login + "/" + name);
  }

  /** repos/delete: DELETE /repos/{owner}/{repo}; 204; 403 without admin rights. */
  private Answer deleteRepository(Repo repo, Token token) {
    if (!isAdmin(token, repo)) {
      return error(403, "Must have admin rights to Repository.");
    }
    repos.remove(key(repo.owner + "/" + repo.name));
    return Answer.of(204, null);
  }

  /** The full-repository fields a client reads. */
  private JsonObject repositoryJson(Repo repo, Token token) {
    JsonObject json = new JsonObject();
    json.addProperty("id", repo.id);
    json.addProperty("name", repo.name);
    json.addProperty("full_name", repo.owner + "/" + repo.name);
    JsonObject owner = new JsonObject();
    Account account = account(repo.owner);
    owner.addProperty("login", account.login);
    owner.addProperty("id", account.id);
    owner.addProperty("type", account.organization ? "Organization" : "User");
    json.add("owner", owner);
    json.addProperty("private", repo.isPrivate);
    json.addProperty("visibility", repo.isPrivate ? "private" : "public");
    json.addProperty("html_url", "https://github.com/" + repo.owner + "/" + repo.name);
    json.addProperty("url", url() + "/repos/" + repo.owner + "/" + repo.name);
    json.addProperty("fork", false);
    json.addProperty("archived", false);
    json.addProperty("default_branch", repo.defaultBranch);
    json.addProperty("has_pages", repo.pages != null);
    json.addProperty("created_at", repo.created.toString());
    JsonObject permissions = new JsonObject();
    boolean admin = isAdmin(token, repo);
    permissions.addProperty("admin", admin);
    permissions.addProperty("maintain", admin);
    permissions.addProperty("push", admin);
    permissions.addProperty("triage", admin);
    permissions.addProperty("pull", true);
    json.add("permissions", permissions);
    return json;
  }

  // ---- git database -------------------------------------------------------------------------

  /** git/get-ref: 200 git-ref; 404 no such ref; 409 "Git Repository is empty.". */
  private Answer getRef(Repo repo, String ref) {
    if (repo.branches.isEmpty()) {
      return error(409, "Git Repository is empty.");
    }
    if (!ref.startsWith("heads/") || !repo.branches.containsKey(ref.substring(6))) {
      return error(404, "Not Found");
    }
    return Answer.of(200, refJson(repo, ref));
  }

  /**
   * git/update-ref: {@code force} false or absent "will make sure you're not overwriting work":
   * a new commit that does not descend from the current one is refused with 422 "Update is not a
   * fast forward"; an unknown commit with 422 "Object does not exist".
   */
  private Answer updateRef(Repo repo, String ref, JsonObject body) {
    String sha = string(body, "sha");
    if (!ref.startsWith("heads/") || !repo.branches.containsKey(ref.substring(6))) {
      return error(422, "Reference does not exist");
    }
    if (sha == null || repo.objects.commit(sha).isEmpty()) {
      return error(422, "Object does not exist");
    }
    String branch = ref.substring(6);
    if (!bool(body, "force") && !repo.objects.isAncestor(repo.branches.get(branch), sha)) {
      return error(422, "Update is not a fast forward");
    }
    repo.branches.put(branch, sha);
    return Answer.of(200, refJson(repo, ref));
  }

  private JsonObject refJson(Repo repo, String ref) {
    JsonObject json = new JsonObject();
    json.addProperty("ref", "refs/" + ref);
    json.addProperty("node_id", "REF_" + repo.id);
    json.addProperty("url", url() + "/repos/" + repo.owner + "/" + repo.name + "/git/refs/" + ref);
    JsonObject object = new JsonObject();
    object.addProperty("type", "commit");
    object.addProperty("sha", repo.branches.get(ref.substring(6)));
    object.addProperty("url", objectUrl(repo, "commits", repo.branches.get(ref.substring(6))));
    json.add("object", object);
    return json;
  }

  /** git/create-blob: encodings "utf-8" and "base64"; 201 short-blob. */
  private Answer createBlob(Repo repo, JsonObject body) {
    String content = string(body, "content");
    String encoding = body.has("encoding") ? string(body, "encoding") : "utf-8";
    if (content == null) {
      return validation("Blob", "content", "missing_field", "content is missing");
    }
    byte[] bytes;
    if ("base64".equals(encoding)) {
      try {
        bytes = Base64.getMimeDecoder().decode(content);
      } catch (IllegalArgumentException e) {
        return validation("Blob", "content", "invalid", "content is not valid Base64");
      }
    } else if ("utf-8".equals(encoding)) {
      bytes = content.getBytes(StandardCharsets.UTF_8);
    } else {
      return validation("Blob", "encoding", "invalid", "encoding must be utf-8 or base64");
    }
    String sha = repo.objects.putBlob(bytes);
    JsonObject json = new JsonObject();
    json.addProperty("url", objectUrl(repo, "blobs", sha));
    json.addProperty("sha", sha);
    return Answer.of(201, json).header("Location", objectUrl(repo, "blobs", sha));
  }

  /** git/get-blob: 200 with the content in Base64, lines of 60 characters as GitHub sends. */
  private Answer getBlob(Repo repo, String sha) {
    Optional<byte[]> blob = repo.objects.blob(sha);
    if (blob.isEmpty()) {
      return error(404, "Not Found");
    }
    JsonObject json = new JsonObject();
    json.addProperty("sha", sha);
    json.addProperty("node_id", "BLOB_" + sha);
    json.addProperty("size", blob.get().length);
    json.addProperty("url", objectUrl(repo, "blobs", sha));
    json.addProperty("content", Base64.getMimeEncoder(60, "\n".getBytes(StandardCharsets.US_ASCII))
        .encodeToString(blob.get()) + "\n");
    json.addProperty("encoding", "base64");
    return Answer.of(200, json);
  }

  /**
   * git/create-tree: entries of path, mode, type and either sha (null deletes the path) or
   * content; nested paths; base_tree optional. 422 for an unknown base tree or object, for both
   * sha and content, and for deleting a file that does not exist ("Returns an error if you try
   * to delete a file that does not exist").
   */
  private Answer createTree(Repo repo, JsonObject body) {
    String baseTree = string(body, "base_tree");
    if (baseTree != null && !repo.objects.isTree(baseTree)) {
      return validation("Tree", "base_tree", "invalid", "base_tree is not a valid tree oid");
    }
    if (!body.has("tree") || !body.get("tree").isJsonArray()) {
      return validation("Tree", "tree", "missing_field", "tree is missing");
    }
    Map<String, FakeGitObjects.Entry> changes = new LinkedHashMap<>();
    for (JsonElement element : body.getAsJsonArray("tree")) {
      JsonObject entry = element.getAsJsonObject();
      String path = string(entry, "path");
      String mode = string(entry, "mode");
      String type = string(entry, "type");
      boolean hasSha = entry.has("sha");
      String sha = hasSha ? string(entry, "sha") : null;
      String content = string(entry, "content");
      if (path == null || mode == null || type == null
          || !Set.of("100644", "100755", "040000", "160000", "120000").contains(mode)) {
        return validation("Tree", "tree.path", "invalid", "path, mode and type are required");
      }
      if (hasSha && content != null) {
        return validation("Tree", "tree.sha", "invalid", "use either sha or content, not both");
      }
      if (content != null) {
        sha = repo.objects.putBlob(content.getBytes(StandardCharsets.UTF_8));
      } else if (sha != null && !repo.objects.exists(sha, type)) {
        return validation("Tree", "tree.sha", "invalid", "tree.sha " + sha
            + " is not a valid " + type);
      }
      changes.put(path, sha == null ? null : new FakeGitObjects.Entry(mode, type, sha));
    }
    String tree;
    try {
      tree = repo.objects.withPaths(baseTree, changes);
    } catch (IllegalArgumentException e) {
      return validation("Tree", "tree.path", "invalid", "tree.path " + e.getMessage()
          + " does not exist");
    }
    return Answer.of(201, treeJson(repo, tree, false))
        .header("Location", objectUrl(repo, "trees", tree));
  }

  /** git/get-tree: 200 git-tree; with {@code recursive} (any value), every subtree's entries. */
  private Answer getTree(Repo repo, String sha, String recursive) {
    if (!repo.objects.isTree(sha)) {
      return error(404, "Not Found");
    }
    return Answer.of(200, treeJson(repo, sha, recursive != null));
  }

  private JsonObject treeJson(Repo repo, String sha, boolean recursive) {
    Map<String, FakeGitObjects.Entry> entries = recursive ? repo.objects.flatten(sha, true)
        : repo.objects.tree(sha).orElseThrow();
    JsonArray tree = new JsonArray();
    entries.forEach((path, entry) -> {
      JsonObject json = new JsonObject();
      json.addProperty("path", path);
      json.addProperty("mode", entry.mode());
      json.addProperty("type", entry.type());
      json.addProperty("sha", entry.sha());
      if ("blob".equals(entry.type())) {
        json.addProperty("size", repo.objects.blob(entry.sha()).orElseThrow().length);
      }
      json.addProperty("url", objectUrl(repo, "blob".equals(entry.type()) ? "blobs" : "trees",
          entry.sha()));
      tree.add(json);
    });
    JsonObject json = new JsonObject();
    json.addProperty("sha", sha);
    json.addProperty("url", objectUrl(repo, "trees", sha));
    json.add("tree", tree);
    json.addProperty("truncated", false);
    return json;
  }

  /**
   * git/create-commit: message and tree required; parents optional (a root commit without);
   * author and committer default to the authenticated user and now. 422 for unknown objects.
   */
  private Answer createCommit(Repo repo, Token token, JsonObject body) {
    String message = string(body, "message");
    String tree = string(body, "tree");
    if (message == null || tree == null) {
      return validation("Commit", message == null ? "message" : "tree", "missing_field",
          "message and tree are required");
    }
    if (!repo.objects.isTree(tree)) {
      return validation("Commit", "tree", "invalid", "Tree SHA does not exist");
    }
    List<String> parents = new ArrayList<>();
    if (body.has("parents")) {
      for (JsonElement parent : body.getAsJsonArray("parents")) {
        if (repo.objects.commit(parent.getAsString()).isEmpty()) {
          return validation("Commit", "parents", "invalid", "Parent SHA does not exist or is"
              + " not a commit object");
        }
        parents.add(parent.getAsString());
      }
    }
    JsonObject author = body.has("author") ? body.getAsJsonObject("author") : new JsonObject();
    String sha = repo.objects.putCommit(new FakeGitObjects.Commit(tree, parents, message,
        author.has("name") ? string(author, "name") : token.login,
        author.has("email") ? string(author, "email") : token.login + "@users.noreply.github.com",
        Instant.now()));
    return Answer.of(201, commitJson(repo, sha)).header("Location", objectUrl(repo, "commits",
        sha));
  }

  /** git/get-commit: 200 git-commit; 404. */
  private Answer getCommit(Repo repo, String sha) {
    return repo.objects.commit(sha).isEmpty() ? error(404, "Not Found")
        : Answer.of(200, commitJson(repo, sha));
  }

  private JsonObject commitJson(Repo repo, String sha) {
    FakeGitObjects.Commit commit = repo.objects.commit(sha).orElseThrow();
    JsonObject json = new JsonObject();
    json.addProperty("sha", sha);
    json.addProperty("node_id", "COMMIT_" + sha);
    json.addProperty("url", objectUrl(repo, "commits", sha));
    json.addProperty("html_url", "https://github.com/" + repo.owner + "/" + repo.name
        + "/commit/" + sha);
    JsonObject person = new JsonObject();
    person.addProperty("name", commit.authorName());
    person.addProperty("email", commit.authorEmail());
    person.addProperty("date", commit.date().toString());
    json.add("author", person);
    json.add("committer", person);
    json.addProperty("message", commit.message());
    JsonObject tree = new JsonObject();
    tree.addProperty("sha", commit.tree());
    tree.addProperty("url", objectUrl(repo, "trees", commit.tree()));
    json.add("tree", tree);
    JsonArray parents = new JsonArray();
    for (String parent : commit.parents()) {
      JsonObject p = new JsonObject();
      p.addProperty("sha", parent);
      p.addProperty("url", objectUrl(repo, "commits", parent));
      p.addProperty("html_url", "https://github.com/" + repo.owner + "/" + repo.name
          + "/commit/" + parent);
      parents.add(p);
    }
    json.add("parents", parents);
    JsonObject verification = new JsonObject();
    verification.addProperty("verified", false);
    verification.addProperty("reason", "unsigned");
    verification.add("signature", JsonNull.INSTANCE);
    verification.add("payload", JsonNull.INSTANCE);
    verification.add("verified_at", JsonNull.INSTANCE);
    json.add("verification", verification);
    return json;
  }

  // ---- pages --------------------------------------------------------------------------------

  /** repos/get-pages: 200 page; 404 when Pages is off. */
  private Answer getPages(Repo repo) {
    if (repo.pages == null) {
      return error(404, "Not Found");
    }
    if (advanceOnRead) {
      advance(repo);
    }
    return Answer.of(200, repo.pages.toJson(url(), repo.owner, repo.name,
        repo.branches.containsKey(repo.pages.branch())));
  }

  /**
   * repos/create-pages-site: source (branch, path "/" or "/docs") or build_type; 201 page; 409
   * when Pages is on ("GitHub Pages is already enabled.", as users report it); 422 for a private
   * repository on a free plan ("Your current plan does not support GitHub Pages for this
   * repository.", as users report it) or an unknown branch.
   */
  private Answer createPages(Repo repo, JsonObject body) {
    if (repo.pages != null) {
      return error(409, "GitHub Pages is already enabled.");
    }
    if (repo.isPrivate && !account(repo.owner).paidPlan) {
      return error(422, "Your current plan does not support GitHub Pages for this repository.");
    }
    JsonObject source = body.has("source") ? body.getAsJsonObject("source") : null;
    if (source == null && !body.has("build_type")) {
      return validation("Page", "source", "missing_field", "source or build_type is required");
    }
    String branch = source == null ? repo.defaultBranch : string(source, "branch");
    String path = source == null || !source.has("path") ? "/" : string(source, "path");
    if (branch == null || !repo.branches.containsKey(branch)) {
      return validation("Page", "source.branch", "invalid", "The branch " + branch
          + " does not exist");
    }
    if (!"/".equals(path) && !"/docs".equals(path)) {
      return validation("Page", "source.path", "invalid", "path must be / or /docs");
    }
    repo.pages = new FakePagesSite(branch, path);
    return Answer.of(201, repo.pages.toJson(url(), repo.owner, repo.name, true));
  }

  /**
   * repos/update-information-about-pages-site: cname (null removes it), https_enforced, source;
   * 204. A custom domain another site has: 400 "The CNAME ... is already taken" (message as
   * users report it). Enforcing HTTPS before the certificate exists: 404 "The certificate does
   * not exist yet" (as users report it).
   */
  private Answer updatePages(Repo repo, JsonObject body) {
    if (repo.pages == null) {
      return error(404, "Not Found");
    }
    if (body.has("cname")) {
      String cname = body.get("cname").isJsonNull() ? null : string(body, "cname");
      if (cname != null) {
        Optional<String> holder = repositoryServing(cname)
            .filter(full -> !full.equalsIgnoreCase(repo.owner + "/" + repo.name));
        if (holder.isPresent()) {
          return error(400, "The CNAME `" + cname + "` is already taken. Check out"
              + " https://docs.github.com/articles/troubleshooting-custom-domains#cname-errors"
              + " for more information.");
        }
      }
      if (cname == null || !cname.equalsIgnoreCase(repo.pages.cname())) {
        repo.pages.cname(cname);
      }
    }
    if (body.has("https_enforced")) {
      boolean enforce = body.get("https_enforced").getAsBoolean();
      if (enforce && repo.pages.cname() != null && !repo.pages.certificateIssued()) {
        return error(404, "The certificate does not exist yet");
      }
      repo.pages.httpsEnforced = enforce;
    }
    if (body.has("source") && body.get("source").isJsonObject()) {
      JsonObject source = body.getAsJsonObject("source");
      repo.pages.branch = string(source, "branch");
      repo.pages.path = string(source, "path");
    }
    return Answer.of(204, null);
  }

  /** repos/delete-pages-site: 204; 404 when Pages is off. */
  private Answer deletePages(Repo repo) {
    if (repo.pages == null) {
      return error(404, "Not Found");
    }
    repo.pages = null;
    return Answer.of(204, null);
  }

  /**
   * repos/get-pages-health-check: the first request after the custom domain is set answers 202
   * and starts the check; later ones 200 pages-health-check. 422 "There isn't a CNAME for this
   * page" without a custom domain; 404 when Pages is off.
   */
  private Answer healthCheck(Repo repo) {
    if (repo.pages == null) {
      return error(404, "Not Found");
    }
    if (repo.pages.cname() == null) {
      return error(422, "There isn't a CNAME for this page");
    }
    if (!repo.pages.healthComputed) {
      repo.pages.healthComputed = true;
      return Answer.of(202, null);
    }
    String host = repo.pages.cname();
    Optional<String> target = dns.apply(host);
    boolean toOwner = pointsAtOwner(repo);
    JsonObject domain = new JsonObject();
    domain.addProperty("host", host);
    domain.addProperty("uri", "http://" + host + "/");
    domain.addProperty("nameservers", "default");
    domain.addProperty("dns_resolves", target.isPresent());
    domain.addProperty("is_proxied", false);
    domain.addProperty("is_cloudflare_ip", false);
    domain.addProperty("is_fastly_ip", false);
    domain.addProperty("is_old_ip_address", false);
    domain.addProperty("is_a_record", false);
    domain.addProperty("has_cname_record", target.isPresent());
    domain.addProperty("has_mx_records_present", false);
    domain.addProperty("is_valid_domain", true);
    domain.addProperty("is_apex_domain", false);
    domain.addProperty("should_be_a_record", false);
    domain.addProperty("is_cname_to_github_user_domain", toOwner);
    domain.addProperty("is_cname_to_pages_dot_github_dot_com", false);
    domain.addProperty("is_cname_to_fastly", false);
    domain.addProperty("is_pointed_to_github_pages_ip", toOwner);
    domain.addProperty("is_non_github_pages_ip_present", false);
    domain.addProperty("is_pages_domain", false);
    domain.addProperty("is_served_by_pages", toOwner);
    domain.addProperty("is_valid", toOwner);
    domain.add("reason", JsonNull.INSTANCE);
    domain.addProperty("responds_to_https", repo.pages.certificateIssued());
    domain.addProperty("enforces_https", repo.pages.httpsEnforced());
    domain.add("https_error", JsonNull.INSTANCE);
    domain.addProperty("is_https_eligible", toOwner);
    domain.add("caa_error", JsonNull.INSTANCE);
    JsonObject json = new JsonObject();
    json.add("domain", domain);
    json.add("alt_domain", JsonNull.INSTANCE);
    return Answer.of(200, json);
  }

  private void advance(Repo repo) {
    if (repo.pages != null) {
      repo.pages.advance(pointsAtOwner(repo));
    }
  }

  /** GitHub's DNS check: the custom domain is a CNAME to {@code OWNER.github.io}. */
  private boolean pointsAtOwner(Repo repo) {
    String expected = repo.owner.toLowerCase(Locale.ROOT) + ".github.io";
    return repo.pages.cname() != null && dns.apply(repo.pages.cname())
        .map(t -> t.toLowerCase(Locale.ROOT).replaceAll("\\.$", "").equals(expected))
        .orElse(false);
  }

  // ---- rate limits --------------------------------------------------------------------------

  /** The answer refusing a request for a rate limit, or null. */
  private Answer rateLimited() {
    if (secondaryCount > 0) {
      secondaryCount--;
      return withRateHeaders(error(secondaryStatus, "You have exceeded a secondary rate limit."
          + " Please wait a few minutes before you try again."))
          .header("retry-after", Long.toString(secondaryRetryAfter));
    }
    if (Instant.now().getEpochSecond() >= primaryReset) {
      primaryRemaining = primaryLimit;
      primaryReset = Instant.now().plus(Duration.ofHours(1)).getEpochSecond();
    }
    if (primaryRemaining == 0) {
      return withRateHeaders(error(403, "API rate limit exceeded for user ID 1. If you reach"
          + " out to GitHub Support for help, please include the request ID."));
    }
    return null;
  }

  /** Counts an answer against the primary limit and adds the rate-limit headers. */
  private Answer count(Answer answer) {
    primaryRemaining = Math.max(0, primaryRemaining - 1);
    return withRateHeaders(answer);
  }

  private Answer withRateHeaders(Answer answer) {
    return answer.header("x-ratelimit-limit", Integer.toString(primaryLimit))
        .header("x-ratelimit-remaining", Integer.toString(primaryRemaining))
        .header("x-ratelimit-used", Integer.toString(primaryLimit - primaryRemaining))
        .header("x-ratelimit-reset", Long.toString(primaryReset))
        .header("x-ratelimit-resource", "core")
        .header("x-github-request-id", "FAKE:" + ids.incrementAndGet());
  }

  // ---- helpers ------------------------------------------------------------------------------

  private Repo newRepo(Account owner, String name, boolean isPrivate) {
    Repo repo = new Repo(owner.login, name, ids.incrementAndGet());
    repo.isPrivate = isPrivate;
    repo.defaultBranch = owner.defaultBranch;
    repos.put(key(owner.login + "/" + name), repo);
    return repo;
  }

  private static void initialCommit(Repo repo) {
    String readme = repo.objects.putBlob(("# " + repo.name + "\n")
        .getBytes(StandardCharsets.UTF_8));
    String tree = repo.objects.putTree(Map.of("README.md",
        new FakeGitObjects.Entry("100644", "blob", readme)));
    repo.branches.put(repo.defaultBranch, repo.objects.putCommit(new FakeGitObjects.Commit(tree,
        List.of(), "Initial commit", repo.owner, repo.owner + "@users.noreply.github.com",
        repo.created)));
  }

  private Optional<Repo> repo(String owner, String name) {
    return Optional.ofNullable(repos.get(key(owner + "/" + name)));
  }

  private Account account(String login) {
    Account account = accounts.get(key(login));
    if (account == null) {
      throw new IllegalArgumentException("no account " + login + " in the fake: add it first");
    }
    return account;
  }

  private boolean isAdmin(Token token, Repo repo) {
    Account owner = account(repo.owner);
    return owner.organization ? owner.members.contains(key(token.login))
        : owner.login.equalsIgnoreCase(token.login);
  }

  private boolean canRead(Token token, Repo repo) {
    return !repo.isPrivate || isAdmin(token, repo);
  }

  private String objectUrl(Repo repo, String kind, String sha) {
    return url() + "/repos/" + repo.owner + "/" + repo.name + "/git/" + kind + "/" + sha;
  }

  private static String key(String name) {
    return name.toLowerCase(Locale.ROOT);
  }

  private static String string(JsonObject json, String member) {
    JsonElement value = json.get(member);
    return value == null || value.isJsonNull() ? null : value.getAsString();
  }

  private static boolean bool(JsonObject json, String member) {
    JsonElement value = json.get(member);
    return value != null && !value.isJsonNull() && value.getAsBoolean();
  }

  /** basic-error: message, documentation_url, status. */
  private static JsonObject errorBody(String message) {
    JsonObject json = new JsonObject();
    json.addProperty("message", message);
    json.addProperty("documentation_url", DOCS);
    return json;
  }

  private static Answer error(int status, String message) {
    JsonObject json = errorBody(message);
    json.addProperty("status", Integer.toString(status));
    return Answer.of(status, json);
  }

  /** validation-error: 422 "Validation Failed" with one error of resource, field and code. */
  private static Answer validation(String resource, String field, String code, String message) {
    JsonObject json = errorBody("Validation Failed");
    JsonArray errors = new JsonArray();
    JsonObject error = new JsonObject();
    error.addProperty("resource", resource);
    error.addProperty("field", field);
    error.addProperty("code", code);
    error.addProperty("message", message);
    errors.add(error);
    json.add("errors", errors);
    return Answer.of(422, json);
  }

  private static String sha256(String text) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
          .digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK has no SHA-256", e);
    }
  }

  @Override
  public void close() {
    server.close();
  }
}
