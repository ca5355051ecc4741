package io.github.mtasts.aws;

import java.net.URI;
import java.util.Objects;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;

/**
 * How to reach AWS: credentials, the region of the policy bucket, an optional endpoint for
 * emulators, and how often to retry.
 *
 * <p>Credentials and region come from the AWS SDK's default chains (environment variables,
 * system properties, {@code ~/.aws/config} profiles, container and instance metadata) unless
 * set here. {@link #toString()} never shows credentials.
 */
public final class AwsSettings {

  /** Attempts per AWS call, the first included, unless set: the SDK's standard mode uses 3. */
  public static final int DEFAULT_MAX_ATTEMPTS = 5;

  private final URI endpointOverride;
  private final String region;
  private final AwsCredentialsProvider credentials;
  private final int maxAttempts;

  private AwsSettings(Builder builder) {
    this.endpointOverride = builder.endpointOverride;
    this.region = builder.region;
    this.credentials = builder.credentials;
    this.maxAttempts = builder.maxAttempts;
  }

  /**
   * Returns settings that use only the default chains.
   *
   * @return the settings
   */
  public static AwsSettings defaults() {
    return builder().build();
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
   * Returns the one URL every service is called at instead of AWS (an emulator), if set.
   *
   * @return the endpoint
   */
  public Optional<URI> endpointOverride() {
    return Optional.ofNullable(endpointOverride);
  }

  /**
   * Returns the region for the S3 bucket, if set; otherwise the default region chain decides.
   * Route 53 and CloudFront are global and ACM certificates for CloudFront always live in
   * us-east-1, whatever this says.
   *
   * @return the region id, e.g. {@code eu-west-1}
   */
  public Optional<String> region() {
    return Optional.ofNullable(region);
  }

  /**
   * Returns the credentials provider: the one set, or the SDK's default chain.
   *
   * @return the provider
   */
  public AwsCredentialsProvider credentials() {
    return credentials == null ? DefaultCredentialsProvider.builder().build() : credentials;
  }

  /**
   * Returns how many attempts one AWS call gets, the first included.
   *
   * @return at least 1
   */
  public int maxAttempts() {
    return maxAttempts;
  }

  @Override
  public String toString() {
    return "AwsSettings{endpointOverride=" + endpointOverride + ", region=" + region
        + ", credentials=" + (credentials == null ? "default chain" : "set") + ", maxAttempts="
        + maxAttempts + "}";
  }

  /** Builds {@link AwsSettings}. */
  public static final class Builder {
    private URI endpointOverride;
    private String region;
    private AwsCredentialsProvider credentials;
    private int maxAttempts = DEFAULT_MAX_ATTEMPTS;

    private Builder() {}

    /**
     * Sends every call to this URL instead of AWS, for an emulator such as moto.
     *
     * @param endpoint an absolute http or https URL without path, e.g. {@code http://127.0.0.1:5000}
     * @return this builder
     * @throws InvalidSpecException when the URL is not absolute http(s)
     */
    public Builder endpointOverride(String endpoint) {
      URI uri;
      try {
        uri = URI.create(Objects.requireNonNull(endpoint, "endpoint"));
      } catch (IllegalArgumentException e) {
        throw new InvalidSpecException("endpoint", endpoint,
            "use an absolute URL such as http://127.0.0.1:5000");
      }
      if (uri.getHost() == null
          || !("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))) {
        throw new InvalidSpecException("endpoint", endpoint,
            "use an absolute http or https URL such as http://127.0.0.1:5000");
      }
      this.endpointOverride = uri;
      return this;
    }

    /**
     * Sets the region of the S3 bucket instead of the default region chain.
     *
     * @param region a region id such as {@code eu-west-1}
     * @return this builder
     * @throws InvalidSpecException when the id is not shaped like a region
     */
    public Builder region(String region) {
      if (region == null || !region.matches("[a-z]{2}(-[a-z]+)+-\\d")) {
        throw new InvalidSpecException("region", region, "use an AWS region id such as eu-west-1");
      }
      this.region = region;
      return this;
    }

    /**
     * Uses these credentials instead of the default chain.
     *
     * @param credentials the provider
     * @return this builder
     */
    public Builder credentials(AwsCredentialsProvider credentials) {
      this.credentials = Objects.requireNonNull(credentials, "credentials");
      return this;
    }

    /**
     * Sets how many attempts one AWS call gets, the first included.
     *
     * @param maxAttempts 1 (no retry) to 20
     * @return this builder
     * @throws InvalidSpecException outside that range
     */
    public Builder maxAttempts(int maxAttempts) {
      if (maxAttempts < 1 || maxAttempts > 20) {
        throw new InvalidSpecException("maxAttempts", maxAttempts, "use 1 to 20");
      }
      this.maxAttempts = maxAttempts;
      return this;
    }

    /**
     * Builds the settings.
     *
     * @return the settings
     */
    public AwsSettings build() {
      return new AwsSettings(this);
    }
  }
}
