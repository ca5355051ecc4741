package io.github.mtasts.cloudflare;

import io.github.mtasts.wait.WaitCancelledException;
import io.github.mtasts.wait.Waiter;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Sends requests to Cloudflare's v4 API with the API token, reads the envelope, turns errors into
 * this package's exceptions, and retries what may be retried before the deadline of the
 * operation's {@link Waiter}, which every call of the operation shares and every pause uses up.
 *
 * <p>Retries: HTTP 429 after the {@code Retry-After} seconds (documentation "Rate limits": "the
 * number of seconds, rounded up, until more capacity is available"; the call was not carried
 * out); a server error (5xx) or a broken connection after a backoff that doubles, but only for
 * a call that may be sent twice ({@link Resend#SAFE}: GET, PUT, PATCH, DELETE). For a call that
 * must not be ({@link Resend#NEVER}: a POST that creates), such a failure is an {@link
 * AmbiguousOutcomeException} and the caller looks before trying again. OkHttp's own silent retry
 * of a failed connection is off for the same reason. Each pause is reported to the waiter's
 * progress and ends early, with {@link WaitCancelledException}, when the operation is cancelled
 * (its thread interrupted).
 */
final class CloudflareHttp implements AutoCloseable {

  /** Whether a call may be sent again when its outcome is unknown. */
  enum Resend {
    /** Sending it twice has the effect of sending it once. */
    SAFE,
    /** Sending it twice could do it twice: never resent after it may have arrived. */
    NEVER
  }

  /**
   * What a call is for: its description in messages and the token permission it needs.
   *
   * @param description e.g. "create DNS record TXT _mta-sts.example.com in zone Z"
   * @param permission e.g. "Zone / DNS / Edit"
   */
  record Operation(String description, String permission) {}

  /**
   * The codes with which Cloudflare refuses the credentials: 6003 "Invalid request headers"
   * (with 6111 "Invalid format for Authorization header" in its chain), 9109 for a token that
   * may not reach the resource or is used from a forbidden address, 10000 "Authentication
   * error"; as in Cloudflare's answers quoted in public issue threads and the changelog entry
   * "Enriched 403 responses for the Cloudflare API".
   */
  private static final Set<Integer> CREDENTIAL_CODES = Set.of(6003, 6111, 9109, 10000);

  private final CloudflareSettings settings;
  private final OkHttpClient http;

  CloudflareHttp(CloudflareSettings settings) {
    this.settings = settings;
    this.http = new OkHttpClient.Builder()
        .retryOnConnectionFailure(false)
        .followRedirects(false)
        .connectTimeout(Duration.ofSeconds(15))
        .readTimeout(Duration.ofSeconds(60))
        .build();
  }

  CloudflareSettings settings() {
    return settings;
  }

  /** The URL of an API path, e.g. {@code url("zones", id, "dns_records")}. */
  HttpUrl.Builder url(String... segments) {
    HttpUrl.Builder url = HttpUrl.get(settings.baseUrl().toString()).newBuilder();
    for (String segment : segments) {
      url.addPathSegment(segment);
    }
    return url;
  }

  /** The account id, which the Workers calls need. */
  String accountId(Operation operation) {
    return settings.accountId().orElseThrow(() -> new InvalidSpecException("accountId", null,
        "set the Cloudflare account id (32 hexadecimal digits, in the dashboard's account"
            + " overview) to " + operation.description()));
  }

  /**
   * Sends one call, retrying what may be retried, and returns Cloudflare's successful answer.
   *
   * @throws CloudflareAuthenticationException when the token is refused
   * @throws CloudflareTimeoutException when the waiter's deadline comes first
   * @throws WaitCancelledException when the operation is cancelled during a pause
   * @throws AmbiguousOutcomeException for a {@link Resend#NEVER} call whose outcome is unknown
   * @throws CloudflareException for any other failure (the status tells a 404)
   */
  Reply send(Operation operation, Request.Builder builder, Resend resend, Waiter waiter) {
    Request request = builder
        .header("Authorization", settings.apiToken().authorization())
        .header("User-Agent", "mtasts")
        .build();
    ApiToken token = settings.apiToken();
    int attempt = 0;
    String lastProblem = "";
    while (true) {
      attempt++;
      Duration remaining = waiter.remaining();
      if (remaining.isNegative() || remaining.isZero()) {
        throw timeout(operation, attempt - 1, waiter, lastProblem);
      }
      Reply reply;
      try {
        reply = execute(request, remaining);
      } catch (IOException e) {
        String problem = "the connection failed (" + token.redact(e.getMessage()) + ")";
        if (resend == Resend.NEVER) {
          throw new AmbiguousOutcomeException(operation.description() + ": " + problem, e);
        }
        lastProblem = problem;
        backOff(operation, attempt, waiter, lastProblem);
        continue;
      }
      if (reply.succeeded()) {
        return reply;
      }
      List<CloudflareError> errors = reply.errors(token);
      String problem = "HTTP " + reply.status() + (errors.isEmpty() ? "" : ": " + errors);
      if (reply.status() == 429) {
        lastProblem = problem;
        if (reply.retryAfter().isPresent()) {
          pause(operation, reply.retryAfter().get(), waiter, attempt, lastProblem);
        } else {
          backOff(operation, attempt, waiter, lastProblem);
        }
        continue;
      }
      if (reply.status() / 100 == 5) {
        if (resend == Resend.NEVER) {
          throw new AmbiguousOutcomeException(operation.description() + ": " + problem, null);
        }
        lastProblem = problem;
        backOff(operation, attempt, waiter, lastProblem);
        continue;
      }
      throw failure(operation, reply.status(), errors);
    }
  }

  /**
   * Reads what a URL names.
   *
   * @return the answer, or empty when there is no such thing (HTTP 404)
   * @throws CloudflareException for other failures
   */
  java.util.Optional<Reply> get(Operation operation, HttpUrl url, Waiter waiter) {
    try {
      return java.util.Optional.of(send(operation, new Request.Builder().url(url), Resend.SAFE, waiter));
    } catch (CloudflareException e) {
      if (e.status() == 404) {
        return java.util.Optional.empty();
      }
      throw e;
    }
  }

  /**
   * Deletes what a URL names; something already gone (HTTP 404) is deleted.
   *
   * @throws CloudflareException for other failures
   */
  void delete(Operation operation, HttpUrl url, Waiter waiter) {
    try {
      send(operation, new Request.Builder().url(url).delete(), Resend.SAFE, waiter);
    } catch (CloudflareException e) {
      if (e.status() != 404) {
        throw e;
      }
    }
  }

  private Reply execute(Request request, Duration remaining) throws IOException {
    okhttp3.Call call = http.newCall(request);
    call.timeout().timeout(remaining.toMillis(), TimeUnit.MILLISECONDS);
    try (Response response = call.execute()) {
      return new Reply(response.code(), response.header("Content-Type"), response.body().bytes(),
          response.header("Retry-After"));
    }
  }

  /** The error for a refused call: the token's fault, or Cloudflare's word on the request. */
  private static CloudflareException failure(Operation operation, int status,
      List<CloudflareError> errors) {
    boolean credentials = status == 401 || status == 403
        || errors.stream().anyMatch(e -> CREDENTIAL_CODES.contains(e.code()));
    String answer = "HTTP " + status + (errors.isEmpty() ? "" : ": " + errors);
    if (credentials) {
      return new CloudflareAuthenticationException("Cloudflare refused the API token for "
          + operation.description() + " (" + answer + "): the token must be valid, unexpired,"
          + " usable from this address, and have the permission " + operation.permission()
          + " on this resource; create or edit it in the Cloudflare dashboard (My Profile >"
          + " API Tokens)", operation.permission(), status, errors);
    }
    return new CloudflareException(operation.description() + " failed (" + answer + ")",
        status, errors, null);
  }

  /**
   * Waits before attempt {@code attempt + 1}: the first backoff doubled for each earlier
   * attempt, at most the maximum.
   *
   * @throws CloudflareTimeoutException when the wait would end after the waiter's deadline
   * @throws WaitCancelledException when the operation is cancelled during the wait
   */
  void backOff(Operation operation, int attempt, Waiter waiter, String problem) {
    Duration wait = settings.firstBackoff().multipliedBy(1L << Math.min(attempt - 1, 20));
    pause(operation, wait.compareTo(settings.maxBackoff()) > 0 ? settings.maxBackoff() : wait,
        waiter, attempt, problem);
  }

  private void pause(Operation operation, Duration wait, Waiter waiter, int attempt,
      String problem) {
    if (wait.compareTo(waiter.remaining()) <= 0) {
      waiter.progress().report(operation.description() + ": " + problem + "; trying again in "
          + wait.toSeconds() + " s (attempt " + (attempt + 1) + ")");
      if (waiter.pause(wait)) {
        return;
      }
    }
    throw new CloudflareTimeoutException(operation.description() + " failed: " + problem
        + "; the next attempt would be in " + wait.toSeconds() + " s, later than the "
        + Math.max(0, waiter.remaining().toSeconds()) + " s left of the operation, which has"
        + " run " + waiter.elapsed().toSeconds() + " s: run it again later or with a longer"
        + " timeout (" + attempt + " attempts so far)", 0, List.of(), null);
  }

  private static CloudflareTimeoutException timeout(Operation operation, int attempts,
      Waiter waiter, String problem) {
    return new CloudflareTimeoutException(operation.description() + " did not succeed within "
        + waiter.elapsed().toSeconds() + " s (" + attempts + " attempts"
        + (problem.isEmpty() ? "" : ", last: " + problem) + "): run it again later or with a"
        + " longer timeout", 0, List.of(), null);
  }

  @Override
  public void close() {
    http.dispatcher().executorService().shutdown();
    http.connectionPool().evictAll();
  }
}
