package io.github.mtasts.testlab;

import com.google.gson.JsonParseException;
import io.github.mtasts.testlab.FakeGitHubAccounts.Token;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import mockwebserver3.RecordedRequest;

/**
 * What {@link FakeGitHubApi} checks and adds around every operation, before and after routing it:
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
 *   <li>Faults the test injects: an error answer without doing anything, a 502 after doing it,
 *       someone else acting just before.
 * </ul>
 *
 * Guarded by the fake's lock.
 */
final class FakeGitHubGate {

  /** The API version of the description the fake follows ("API Versions"). */
  static final String API_VERSION = "2022-11-28";

  private static final int PRIMARY_LIMIT = 5000;

  private final AtomicLong ids;
  private final FakeGitHubAccounts accounts;
  private final Map<String, Integer> failBefore = new HashMap<>();
  private final Map<String, Integer> failAfter = new HashMap<>();
  private final Map<String, Runnable> onNext = new HashMap<>();
  private int primaryRemaining = PRIMARY_LIMIT;
  private long primaryReset = Instant.now().plus(Duration.ofHours(1)).getEpochSecond();
  private int secondaryCount;
  private int secondaryStatus;
  private long secondaryRetryAfter;

  FakeGitHubGate(AtomicLong ids, FakeGitHubAccounts accounts) {
    this.ids = ids;
    this.accounts = accounts;
  }

  void failBefore(String operationId, int status) {
    failBefore.put(operationId, status);
  }

  void failAfter(String operationId) {
    failAfter.put(operationId, 502);
  }

  void onNext(String operationId, Runnable action) {
    onNext.put(operationId, action);
  }

  void primaryRateLimit(int remaining, Instant reset) {
    this.primaryRemaining = remaining;
    this.primaryReset = reset.getEpochSecond();
  }

  void secondaryRateLimit(int requests, int status, long retryAfterSeconds) {
    this.secondaryCount = requests;
    this.secondaryStatus = status;
    this.secondaryRetryAfter = retryAfterSeconds;
  }

  /**
   * Answers one request: the checks above, then {@code route} for an authorised operation.
   *
   * @param operation the operation id, or "" when the method and path name none
   * @param route carries out the operation for a token
   */
  FakeGitHubReply answer(RecordedRequest request, String operation,
      Function<Token, FakeGitHubReply> route) {
    if (request.getHeaders().get("User-Agent") == null) {
      return FakeGitHubReply.error(403, "Request forbidden by administrative rules. Please make"
          + " sure your request has a User-Agent header");
    }
    String version = request.getHeaders().get("X-GitHub-Api-Version");
    if (version != null && !API_VERSION.equals(version)) {
      return FakeGitHubReply.error(400, "API version " + version + " is not supported.");
    }
    Token token = token(request.getHeaders().get("Authorization"));
    if (token == null) {
      return withRateHeaders(FakeGitHubReply.error(401, "Bad credentials"));
    }
    FakeGitHubReply limited = rateLimited();
    if (limited != null) {
      return limited;
    }
    if (operation.isEmpty()) {
      return count(FakeGitHubReply.error(404, "Not Found"));
    }
    String missing = missingPermission(token, operation);
    if (missing != null) {
      return count(FakeGitHubReply.error(403, "Resource not accessible by personal access token")
          .header("X-Accepted-GitHub-Permissions", missing));
    }
    Integer before = failBefore.remove(operation);
    if (before != null) {
      return count(FakeGitHubReply.error(before, before >= 500 ? "Server Error"
          : "Injected failure"));
    }
    Runnable first = onNext.remove(operation);
    if (first != null) {
      first.run();
    }
    FakeGitHubReply answer;
    try {
      answer = route.apply(token);
    } catch (JsonParseException | IllegalStateException | ClassCastException e) {
      answer = FakeGitHubReply.error(400, "Problems parsing JSON");
    }
    if (failAfter.remove(operation) != null) {
      return count(FakeGitHubReply.error(502, "Server Error"));
    }
    if ("GET".equals(request.getMethod()) && answer.status() == 200) {
      String etag = "W/\"" + sha256(answer.body().toString()) + "\"";
      answer.header("ETag", etag);
      if (etag.equals(request.getHeaders().get("If-None-Match"))) {
        // A 304 does not count against the primary rate limit.
        return withRateHeaders(FakeGitHubReply.of(304, null).header("ETag", etag));
      }
    }
    return count(answer);
  }

  /** "Authenticating to the REST API": Authorization: Bearer TOKEN (or token TOKEN). */
  private Token token(String authorization) {
    if (authorization == null) {
      return null;
    }
    String[] parts = authorization.split(" ", 2);
    if (parts.length == 2 && (parts[0].equalsIgnoreCase("bearer")
        || parts[0].equalsIgnoreCase("token"))) {
      return accounts.token(parts[1]).orElse(null);
    }
    return null;
  }

  /**
   * The permission a fine-grained token needs ("Permissions required for fine-grained personal
   * access tokens": Administration, Contents, Metadata, Pages), as
   * {@code X-Accepted-GitHub-Permissions} writes it; null when the token has it.
   */
  private static String missingPermission(Token token, String operation) {
    if (token.permissions() == null) {
      return null;
    }
    String needed = switch (operation) {
      case "users/get-authenticated" -> "";
      case "repos/get" -> "metadata=read";
      case "repos/create-for-authenticated-user", "repos/create-in-org", "repos/delete" ->
          "administration=write";
      case "git/get-ref", "git/get-blob", "git/get-tree", "git/get-commit" -> "contents=read";
      case "git/update-ref", "git/create-blob", "git/create-tree", "git/create-commit",
          "repos/create-or-update-file-contents" -> "contents=write";
      case "repos/get-pages" -> "pages=read";
      // Administration: write, with Pages: write as the additional permission.
      default -> "pages=write,administration=write";
    };
    for (String permission : needed.split(",")) {
      if (permission.isEmpty()) {
        continue;
      }
      String name = permission.substring(0, permission.indexOf('='));
      boolean has = token.permissions().contains(permission)
          || (permission.endsWith("=read") && token.permissions().contains(name + "=write"));
      if (!has) {
        return needed;
      }
    }
    return null;
  }

  /** The answer refusing a request for a rate limit, or null. */
  private FakeGitHubReply rateLimited() {
    if (secondaryCount > 0) {
      secondaryCount--;
      return withRateHeaders(FakeGitHubReply.error(secondaryStatus, "You have exceeded a"
          + " secondary rate limit. Please wait a few minutes before you try again."))
          .header("retry-after", Long.toString(secondaryRetryAfter));
    }
    if (Instant.now().getEpochSecond() >= primaryReset) {
      primaryRemaining = PRIMARY_LIMIT;
      primaryReset = Instant.now().plus(Duration.ofHours(1)).getEpochSecond();
    }
    if (primaryRemaining == 0) {
      return withRateHeaders(FakeGitHubReply.error(403, "API rate limit exceeded for user ID 1."
          + " If you reach out to GitHub Support for help, please include the request ID."));
    }
    return null;
  }

  /** Counts an answer against the primary limit and adds the rate-limit headers. */
  private FakeGitHubReply count(FakeGitHubReply answer) {
    primaryRemaining = Math.max(0, primaryRemaining - 1);
    return withRateHeaders(answer);
  }

  private FakeGitHubReply withRateHeaders(FakeGitHubReply answer) {
    return answer.header("x-ratelimit-limit", Integer.toString(PRIMARY_LIMIT))
        .header("x-ratelimit-remaining", Integer.toString(primaryRemaining))
        .header("x-ratelimit-used", Integer.toString(PRIMARY_LIMIT - primaryRemaining))
        .header("x-ratelimit-reset", Long.toString(primaryReset))
        .header("x-ratelimit-resource", "core")
        .header("x-github-request-id", "FAKE:" + ids.incrementAndGet());
  }

  private static String sha256(String text) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
          .digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK has no SHA-256", e);
    }
  }
}
