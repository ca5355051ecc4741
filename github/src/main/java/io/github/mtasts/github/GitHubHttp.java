package io.github.mtasts.github;

import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import io.github.mtasts.ProjectVersion;
import io.github.mtasts.wait.Waiter;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * Sends requests to the REST API with the headers GitHub asks for, honours its rate limits within
 * the operation's time budget, retries idempotent requests after server errors, and answers
 * conditional GETs from an ETag cache.
 *
 * <p>Headers ("Getting started with the REST API", "API Versions", "Troubleshooting the REST
 * API"): {@code Accept: application/vnd.github+json}, {@code X-GitHub-Api-Version}, a
 * {@code User-Agent} (requests without one are rejected) and {@code Authorization: Bearer}.
 */
final class GitHubHttp implements AutoCloseable {

  /** The REST API version this client is written against ("API Versions"). */
  static final String API_VERSION = "2022-11-28";

  private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");
  private static final int ETAG_CACHE_SIZE = 64;

  /** An answer kept for its ETag. */
  private record Cached(String etag, ApiResponse response) {}

  private final GitHubSettings settings;
  private final OkHttpClient client;
  private final Map<String, Cached> etags = new LinkedHashMap<>(16, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<String, Cached> eldest) {
      return size() > ETAG_CACHE_SIZE;
    }
  };
  // The primary limit as the last answer stated it: no request before reset once remaining is 0.
  private volatile long primaryRemaining = -1;
  private volatile long primaryResetEpoch;

  GitHubHttp(GitHubSettings settings) {
    this.settings = settings;
    this.client = new OkHttpClient.Builder()
        // GitHub ends requests it takes more than 10 s to process ("Troubleshooting the REST API").
        .connectTimeout(10, TimeUnit.SECONDS)
        .readTimeout(30, TimeUnit.SECONDS)
        .writeTimeout(30, TimeUnit.SECONDS)
        // Every retry is decided here, where the time budget and idempotence are known.
        .retryOnConnectionFailure(false)
        .build();
  }

  /** The URL of a path below the API's base, each segment encoded. */
  HttpUrl url(String... segments) {
    HttpUrl.Builder url = settings.apiHttpUrl().newBuilder();
    for (String segment : segments) {
      url.addPathSegment(segment);
    }
    return url.build();
  }

  /**
   * Sends one request and returns GitHub's answer, whatever its status, except that rate limits
   * are waited out and server errors of idempotent requests retried within the budget.
   *
   * @throws RateLimitedException when a rate limit outlasts the budget
   * @throws GitHubException on a server error that retries did not cure, or no answer at all
   */
  ApiResponse send(ApiCall call, Waiter waiter) {
    int attempt = 0;
    int secondaryRounds = 0;
    while (true) {
      awaitPrimaryReset(call, waiter);
      Cached cached = call.conditional() ? cached(call.url()) : null;
      ApiResponse response;
      try {
        response = execute(call, cached);
      } catch (IOException e) {
        attempt++;
        if (call.idempotent() && attempt < settings.maxAttempts()
            && waiter.pause(backoff(attempt))) {
          continue;
        }
        throw new GitHubException(call.operation() + " failed: no answer from "
            + call.url().host() + " (" + e.getMessage() + "); check the network and the API URL"
            + (call.idempotent() ? "" : "; the request may have been carried out: run the"
                + " operation again, which reads what exists first"), 0, null, !call.idempotent(),
            e);
      }
      noteRateLimit(response);
      if (response.status() == 304 && cached != null) {
        return cached.response();
      }
      if ((response.status() == 403 || response.status() == 429) && isRateLimited(response)) {
        waitOutRateLimit(call, response, waiter, secondaryRounds++);
        continue;
      }
      if (response.status() >= 500) {
        attempt++;
        if (call.idempotent() && attempt < settings.maxAttempts()
            && waiter.pause(backoff(attempt))) {
          continue;
        }
        throw ApiErrors.failure(call, response, call.idempotent()
            ? "GitHub has a problem: try again later"
            : "the request may have been carried out: run the operation again, which reads what"
                + " exists first");
      }
      if (call.conditional() && response.status() == 200) {
        response.header("etag").ifPresent(etag -> remember(call.url(), etag, response));
      }
      return response;
    }
  }

  private ApiResponse execute(ApiCall call, Cached cached) throws IOException {
    Request.Builder request = new Request.Builder()
        .url(call.url())
        .header("Accept", "application/vnd.github+json")
        .header("X-GitHub-Api-Version", API_VERSION)
        .header("User-Agent", "mtasts/" + ProjectVersion.get())
        .header("Authorization", "Bearer " + settings.token())
        .method(call.method(), call.body() == null
            ? ("GET".equals(call.method()) || "DELETE".equals(call.method()) ? null
                : RequestBody.create(new byte[0], JSON))
            : RequestBody.create(call.body().toString(), JSON));
    if (cached != null) {
      request.header("If-None-Match", cached.etag());
    }
    try (Response response = client.newCall(request.build()).execute()) {
      String text = response.body().string();
      JsonElement body;
      try {
        body = text.isBlank() ? JsonNull.INSTANCE : JsonParser.parseString(text);
      } catch (JsonParseException e) {
        body = JsonNull.INSTANCE;
      }
      return new ApiResponse(response.code(), response.headers(), body, text);
    }
  }

  /**
   * "Rate limits for the REST API", "Exceeding the rate limit": a 403 or 429 with
   * {@code x-ratelimit-remaining: 0} is the primary limit; one with {@code retry-after}, or whose
   * message says so, a secondary limit.
   */
  private static boolean isRateLimited(ApiResponse response) {
    return "0".equals(response.header("x-ratelimit-remaining").orElse(null))
        || response.header("retry-after").isPresent()
        || response.message().toLowerCase(Locale.ROOT).contains("secondary rate limit");
  }

  /**
   * Waits as the documentation says: {@code retry-after} seconds when present; else until
   * {@code x-ratelimit-reset} when {@code x-ratelimit-remaining} is 0; else at least one minute,
   * doubling each time.
   */
  private void waitOutRateLimit(ApiCall call, ApiResponse response, Waiter waiter, int round) {
    Optional<Long> retryAfter = response.header("retry-after").flatMap(GitHubHttp::parseLong);
    Optional<Long> reset = response.header("x-ratelimit-reset").flatMap(GitHubHttp::parseLong);
    Duration wait;
    String kind;
    if (retryAfter.isPresent()) {
      wait = Duration.ofSeconds(Math.max(0, retryAfter.get()));
      kind = "secondary rate limit (retry-after " + retryAfter.get() + " s)";
    } else if ("0".equals(response.header("x-ratelimit-remaining").orElse(null))
        && reset.isPresent()) {
      wait = untilEpoch(reset.get());
      kind = "primary rate limit (resets at " + Instant.ofEpochSecond(reset.get()) + ")";
    } else {
      wait = Duration.ofMinutes(1L << Math.min(round, 5));
      kind = "secondary rate limit";
    }
    waiter.progress().report("GitHub " + kind + " before " + call.operation() + ": waiting "
        + wait.toSeconds() + " s");
    if (!waiter.pause(wait)) {
      throw new RateLimitedException(ApiErrors.describe(call, response) + "; GitHub's " + kind
          + " outlasts this operation's time budget: run it again after "
          + Instant.now().plus(wait) + " or allow a longer timeout, and run fewer operations"
          + " with this token at once" + ApiErrors.requestIdSuffix(response), response.status(),
          response.header("x-github-request-id").orElse(null), Instant.now().plus(wait));
    }
  }

  /** Before sending: once the primary limit is used up, nothing is sent before it resets. */
  private void awaitPrimaryReset(ApiCall call, Waiter waiter) {
    if (primaryRemaining != 0) {
      return;
    }
    Duration wait = untilEpoch(primaryResetEpoch);
    if (wait.isZero()) {
      return;
    }
    waiter.progress().report("GitHub primary rate limit used up until "
        + Instant.ofEpochSecond(primaryResetEpoch) + ": waiting " + wait.toSeconds() + " s before "
        + call.operation());
    if (!waiter.pause(wait)) {
      throw new RateLimitedException(call.operation() + " not sent: GitHub's primary rate limit"
          + " for this token is used up until " + Instant.ofEpochSecond(primaryResetEpoch)
          + ", after this operation's time budget: run it again then, or allow a longer timeout",
          0, null, Instant.ofEpochSecond(primaryResetEpoch));
    }
    primaryRemaining = -1;
  }

  private void noteRateLimit(ApiResponse response) {
    Optional<Long> remaining = response.header("x-ratelimit-remaining")
        .flatMap(GitHubHttp::parseLong);
    Optional<Long> reset = response.header("x-ratelimit-reset").flatMap(GitHubHttp::parseLong);
    if (remaining.isPresent() && reset.isPresent()) {
      primaryResetEpoch = reset.get();
      primaryRemaining = remaining.get();
    }
  }

  /** The time until one second past an epoch second (the reset instant is whole seconds). */
  private static Duration untilEpoch(long epochSecond) {
    Duration wait = Duration.between(Instant.now(), Instant.ofEpochSecond(epochSecond + 1));
    return wait.isNegative() ? Duration.ZERO : wait;
  }

  private Duration backoff(int attempt) {
    return settings.retryDelay().multipliedBy(1L << Math.min(attempt - 1, 6));
  }

  private Cached cached(HttpUrl url) {
    synchronized (etags) {
      return etags.get(url.toString());
    }
  }

  private void remember(HttpUrl url, String etag, ApiResponse response) {
    synchronized (etags) {
      etags.put(url.toString(), new Cached(etag, response));
    }
  }

  private static Optional<Long> parseLong(String text) {
    try {
      return Optional.of(Long.parseLong(text.strip()));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  @Override
  public void close() {
    client.dispatcher().executorService().shutdown();
    client.connectionPool().evictAll();
  }
}
