package io.github.mtasts.cloudflare;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * How to reach Cloudflare's v4 API: the API token, the account that owns the Workers, the API's
 * address (for tests), how records this program writes are marked, and how retries back off.
 *
 * <p>Built by the caller (the provider reads its configuration and environment); this package
 * reads no environment variable. {@link #toString()} never shows the token.
 */
public final class CloudflareSettings {

  /** Cloudflare's API, unless a test points elsewhere. */
  public static final String DEFAULT_BASE_URL = "https://api.cloudflare.com/client/v4";
  /** The comment every DNS record this program writes carries, unless set. */
  public static final String DEFAULT_RECORD_COMMENT = "managed by mtasts";
  /**
   * Plans page, "DNS record comments": a comment holds at most 100 characters on the Free plan
   * (500 on paid plans); this package keeps to the smaller limit so one setting works on all.
   */
  public static final int MAX_COMMENT_LENGTH = 100;

  private static final Pattern ACCOUNT_ID = Pattern.compile("[0-9a-f]{32}");
  /**
   * Record attributes: a tag is {@code name:value}, the name of letters, digits, '-' and '_'
   * (Plans page: at most 32 characters; the value at most 100).
   */
  private static final Pattern TAG = Pattern.compile("[A-Za-z0-9_-]{1,32}:[^\\r\\n]{0,100}");

  private final ApiToken apiToken;
  private final String accountId;
  private final URI baseUrl;
  private final String recordComment;
  private final List<String> recordTags;
  private final Duration firstBackoff;
  private final Duration maxBackoff;

  private CloudflareSettings(Builder builder) {
    this.apiToken = builder.apiToken;
    this.accountId = builder.accountId;
    this.baseUrl = builder.baseUrl;
    this.recordComment = builder.recordComment;
    this.recordTags = List.copyOf(builder.recordTags);
    this.firstBackoff = builder.firstBackoff;
    this.maxBackoff = builder.maxBackoff;
  }

  /**
   * Returns a builder.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Returns a builder holding these settings.
   *
   * @return a new builder
   */
  public Builder toBuilder() {
    Builder builder = new Builder();
    builder.apiToken = apiToken;
    builder.accountId = accountId;
    builder.baseUrl = baseUrl;
    builder.recordComment = recordComment;
    builder.recordTags.addAll(recordTags);
    builder.firstBackoff = firstBackoff;
    builder.maxBackoff = maxBackoff;
    return builder;
  }

  ApiToken apiToken() {
    return apiToken;
  }

  /**
   * Returns the account that owns the Workers, if set; the Workers operations need it.
   *
   * @return 32 hexadecimal digits
   */
  public Optional<String> accountId() {
    return Optional.ofNullable(accountId);
  }

  /**
   * Returns the API's address.
   *
   * @return e.g. {@value #DEFAULT_BASE_URL}
   */
  public URI baseUrl() {
    return baseUrl;
  }

  /**
   * Returns the comment that marks the DNS records this program writes.
   *
   * @return the comment
   */
  public String recordComment() {
    return recordComment;
  }

  /**
   * Returns the tags that mark the DNS records this program writes; none unless set, because
   * Cloudflare offers record tags on paid plans only (Plans page, "DNS record tags").
   *
   * @return {@code name:value} tags
   */
  public List<String> recordTags() {
    return recordTags;
  }

  /**
   * Returns the first wait before a retry that Cloudflare gave no {@code Retry-After} for; each
   * further wait doubles, up to {@link #maxBackoff()}.
   *
   * @return the first wait
   */
  public Duration firstBackoff() {
    return firstBackoff;
  }

  /**
   * Returns the longest wait between two attempts that this client chooses itself.
   *
   * @return the longest wait
   */
  public Duration maxBackoff() {
    return maxBackoff;
  }

  @Override
  public String toString() {
    return "CloudflareSettings{apiToken=" + apiToken + ", accountId=" + accountId + ", baseUrl="
        + baseUrl + ", recordComment=" + recordComment + ", recordTags=" + recordTags
        + ", firstBackoff=" + firstBackoff + ", maxBackoff=" + maxBackoff + "}";
  }

  /** Builds {@link CloudflareSettings}. */
  public static final class Builder {
    private ApiToken apiToken;
    private String accountId;
    private URI baseUrl = URI.create(DEFAULT_BASE_URL);
    private String recordComment = DEFAULT_RECORD_COMMENT;
    private final List<String> recordTags = new ArrayList<>();
    private Duration firstBackoff = Duration.ofSeconds(1);
    private Duration maxBackoff = Duration.ofSeconds(30);

    private Builder() {}

    /**
     * Sets the API token (sent as {@code Authorization: Bearer}); white space around it is
     * dropped. The error for a bad token never repeats it.
     *
     * @param token the token
     * @return this builder
     * @throws InvalidSpecException when it is empty or has characters no token has
     */
    public Builder apiToken(String token) {
      this.apiToken = ApiToken.of("apiToken", token);
      return this;
    }

    /**
     * Sets the account that owns the Workers.
     *
     * @param accountId 32 hexadecimal digits, as the dashboard shows it
     * @return this builder
     * @throws InvalidSpecException when it is not shaped like an account id
     */
    public Builder accountId(String accountId) {
      String id = accountId == null ? null : accountId.strip().toLowerCase(java.util.Locale.ROOT);
      if (id == null || !ACCOUNT_ID.matcher(id).matches()) {
        throw new InvalidSpecException("accountId", accountId, "use the 32 hexadecimal digits of"
            + " the account id, shown in the Cloudflare dashboard's account overview");
      }
      this.accountId = id;
      return this;
    }

    /**
     * Sends every call to this address instead of Cloudflare's, for a fake of the API.
     *
     * @param baseUrl an absolute http or https URL, e.g. {@code http://127.0.30.1:4000/client/v4}
     * @return this builder
     * @throws InvalidSpecException when it is not an absolute http(s) URL
     */
    public Builder baseUrl(String baseUrl) {
      URI uri;
      try {
        uri = URI.create(Objects.requireNonNull(baseUrl, "baseUrl"));
      } catch (IllegalArgumentException e) {
        throw new InvalidSpecException("baseUrl", baseUrl, "use an absolute URL such as " + DEFAULT_BASE_URL);
      }
      if (uri.getHost() == null || !("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))) {
        throw new InvalidSpecException("baseUrl", baseUrl, "use an absolute http or https URL such as "
            + DEFAULT_BASE_URL);
      }
      this.baseUrl = URI.create(baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl);
      return this;
    }

    /**
     * Sets the comment that marks the DNS records this program writes.
     *
     * @param comment 1 to 100 characters without line breaks (record attributes: comments do
     *     not support newline or carriage return characters)
     * @return this builder
     * @throws InvalidSpecException otherwise
     */
    public Builder recordComment(String comment) {
      if (comment == null || comment.isBlank() || comment.length() > MAX_COMMENT_LENGTH
          || comment.contains("\n") || comment.contains("\r")) {
        throw new InvalidSpecException("recordComment", comment,
            "use 1 to " + MAX_COMMENT_LENGTH + " characters on one line");
      }
      this.recordComment = comment;
      return this;
    }

    /**
     * Adds a tag that marks the DNS records this program writes; only for zones on a paid plan.
     *
     * @param tag {@code name:value}, the name of 1 to 32 letters, digits, '-' and '_'
     * @return this builder
     * @throws InvalidSpecException otherwise
     */
    public Builder recordTag(String tag) {
      if (tag == null || !TAG.matcher(tag).matches()) {
        throw new InvalidSpecException("recordTags", tag, "use name:value, the name of 1 to 32"
            + " letters, digits, '-' and '_', the value of at most 100 characters on one line");
      }
      this.recordTags.add(tag);
      return this;
    }

    /**
     * Sets how retries back off when Cloudflare gives no {@code Retry-After}.
     *
     * @param first the first wait, positive
     * @param max the longest wait, at least {@code first}
     * @return this builder
     * @throws InvalidSpecException otherwise
     */
    public Builder backoff(Duration first, Duration max) {
      if (first == null || first.isNegative() || first.isZero()) {
        throw new InvalidSpecException("firstBackoff", first, "use a positive duration");
      }
      if (max == null || max.compareTo(first) < 0) {
        throw new InvalidSpecException("maxBackoff", max, "use a duration of at least " + first);
      }
      this.firstBackoff = first;
      this.maxBackoff = max;
      return this;
    }

    /**
     * Builds the settings.
     *
     * @return the settings
     * @throws InvalidSpecException when no API token was set
     */
    public CloudflareSettings build() {
      if (apiToken == null) {
        throw InvalidSpecException.secret("apiToken", "is missing: create an API token in the"
            + " Cloudflare dashboard (My Profile > API Tokens) and give it here");
      }
      return new CloudflareSettings(this);
    }
  }
}
