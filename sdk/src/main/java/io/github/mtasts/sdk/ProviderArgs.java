package io.github.mtasts.sdk;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Import;
import com.pulumi.resources.ResourceArgs;
import java.util.Objects;
import java.util.Optional;
import javax.annotation.Nullable;

/**
 * The settings of an explicit {@link Provider}: the same as the stack config keys
 * {@code mtasts:<name>}. Every setting is optional; the plugin falls back to the named environment
 * variable. The two tokens are marked secret as soon as they are set, so they reach the engine and
 * the state only encrypted.
 */
public final class ProviderArgs extends ResourceArgs {

  /** Nothing set: the plugin reads stack config and environment only. */
  public static final ProviderArgs Empty = new ProviderArgs();

  /**
   * The AWS region of the Route 53, ACM and S3 calls; falls back to {@code AWS_REGION}, then
   * {@code AWS_DEFAULT_REGION}.
   */
  @Import(name = "awsRegion")
  private @Nullable Output<String> awsRegion;

  /**
   * An endpoint URL that replaces every AWS service endpoint (an emulator, for example); falls back
   * to {@code AWS_ENDPOINT_URL}.
   */
  @Import(name = "awsEndpoint")
  private @Nullable Output<String> awsEndpoint;

  /**
   * The Cloudflare API token; falls back to {@code CLOUDFLARE_API_TOKEN}. Always sent and stored as
   * a secret.
   */
  @Import(name = "cloudflareApiToken")
  private @Nullable Output<String> cloudflareApiToken;

  /** The base URL of the Cloudflare v4 API; falls back to {@code CLOUDFLARE_API_BASE_URL}. */
  @Import(name = "cloudflareApiBaseUrl")
  private @Nullable Output<String> cloudflareApiBaseUrl;

  /** The GitHub token; falls back to {@code GITHUB_TOKEN}. Always sent and stored as a secret. */
  @Import(name = "githubToken")
  private @Nullable Output<String> githubToken;

  /** The base URL of the GitHub REST API; falls back to {@code GITHUB_API_URL}. */
  @Import(name = "githubApiBaseUrl")
  private @Nullable Output<String> githubApiBaseUrl;

  /**
   * The DNS server verifications ask ({@code host[:port]} or {@code system}); falls back to
   * {@code MTASTS_VERIFY_RESOLVER}.
   */
  @Import(name = "verifyResolver")
  private @Nullable Output<String> verifyResolver;

  /**
   * A PEM file of extra trust anchors for verifications; falls back to
   * {@code MTASTS_VERIFY_CA_FILE}.
   */
  @Import(name = "verifyCaFile")
  private @Nullable Output<String> verifyCaFile;

  private ProviderArgs() {}

  private ProviderArgs(ProviderArgs defaults) {
    this.awsRegion = defaults.awsRegion;
    this.awsEndpoint = defaults.awsEndpoint;
    this.cloudflareApiToken = defaults.cloudflareApiToken;
    this.cloudflareApiBaseUrl = defaults.cloudflareApiBaseUrl;
    this.githubToken = defaults.githubToken;
    this.githubApiBaseUrl = defaults.githubApiBaseUrl;
    this.verifyResolver = defaults.verifyResolver;
    this.verifyCaFile = defaults.verifyCaFile;
  }

  /**
   * Returns {@code awsRegion}: the AWS region of the Route 53, ACM and S3 calls; falls back to
   * {@code AWS_REGION}, then {@code AWS_DEFAULT_REGION}.
   *
   * @return the value, or empty when not set
   */
  public Optional<Output<String>> awsRegion() {
    return Optional.ofNullable(awsRegion);
  }

  /**
   * Returns {@code awsEndpoint}: an endpoint URL that replaces every AWS service endpoint (an
   * emulator, for example); falls back to {@code AWS_ENDPOINT_URL}.
   *
   * @return the value, or empty when not set
   */
  public Optional<Output<String>> awsEndpoint() {
    return Optional.ofNullable(awsEndpoint);
  }

  /**
   * Returns {@code cloudflareApiToken}: the Cloudflare API token; falls back to
   * {@code CLOUDFLARE_API_TOKEN}. Always sent and stored as a secret.
   *
   * @return the value, or empty when not set
   */
  public Optional<Output<String>> cloudflareApiToken() {
    return Optional.ofNullable(cloudflareApiToken);
  }

  /**
   * Returns {@code cloudflareApiBaseUrl}: the base URL of the Cloudflare v4 API; falls back to
   * {@code CLOUDFLARE_API_BASE_URL}.
   *
   * @return the value, or empty when not set
   */
  public Optional<Output<String>> cloudflareApiBaseUrl() {
    return Optional.ofNullable(cloudflareApiBaseUrl);
  }

  /**
   * Returns {@code githubToken}: the GitHub token; falls back to {@code GITHUB_TOKEN}. Always sent
   * and stored as a secret.
   *
   * @return the value, or empty when not set
   */
  public Optional<Output<String>> githubToken() {
    return Optional.ofNullable(githubToken);
  }

  /**
   * Returns {@code githubApiBaseUrl}: the base URL of the GitHub REST API; falls back to
   * {@code GITHUB_API_URL}.
   *
   * @return the value, or empty when not set
   */
  public Optional<Output<String>> githubApiBaseUrl() {
    return Optional.ofNullable(githubApiBaseUrl);
  }

  /**
   * Returns {@code verifyResolver}: the DNS server verifications ask ({@code host[:port]} or
   * {@code system}); falls back to {@code MTASTS_VERIFY_RESOLVER}.
   *
   * @return the value, or empty when not set
   */
  public Optional<Output<String>> verifyResolver() {
    return Optional.ofNullable(verifyResolver);
  }

  /**
   * Returns {@code verifyCaFile}: a PEM file of extra trust anchors for verifications; falls back
   * to {@code MTASTS_VERIFY_CA_FILE}.
   *
   * @return the value, or empty when not set
   */
  public Optional<Output<String>> verifyCaFile() {
    return Optional.ofNullable(verifyCaFile);
  }

  /**
   * Starts a builder for the inputs.
   *
   * @return an empty builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Starts a builder from existing inputs, to change some of them.
   *
   * @param defaults the inputs to start from
   * @return a builder holding {@code defaults}
   */
  public static Builder builder(ProviderArgs defaults) {
    return new Builder(defaults);
  }

  /** Builds {@link ProviderArgs}; each input takes a plain value or an {@link Output}. */
  public static final class Builder {
    private final ProviderArgs args;

    /** Starts with no inputs set. */
    public Builder() {
      args = new ProviderArgs();
    }

    /**
     * Starts with the given inputs.
     *
     * @param defaults the inputs to start from
     */
    public Builder(ProviderArgs defaults) {
      args = new ProviderArgs(Objects.requireNonNull(defaults));
    }

    /**
     * Sets {@code awsRegion}: the AWS region of the Route 53, ACM and S3 calls; falls back to
     * {@code AWS_REGION}, then {@code AWS_DEFAULT_REGION}.
     *
     * @param awsRegion the value, or {@code null} to leave it unset
     * @return this builder
     */
    public Builder awsRegion(@Nullable Output<String> awsRegion) {
      args.awsRegion = awsRegion;
      return this;
    }

    /**
     * Sets {@code awsRegion}: the AWS region of the Route 53, ACM and S3 calls; falls back to
     * {@code AWS_REGION}, then {@code AWS_DEFAULT_REGION}.
     *
     * @param awsRegion the value
     * @return this builder
     */
    public Builder awsRegion(String awsRegion) {
      return awsRegion(Output.of(awsRegion));
    }

    /**
     * Sets {@code awsEndpoint}: an endpoint URL that replaces every AWS service endpoint (an
     * emulator, for example); falls back to {@code AWS_ENDPOINT_URL}.
     *
     * @param awsEndpoint the value, or {@code null} to leave it unset
     * @return this builder
     */
    public Builder awsEndpoint(@Nullable Output<String> awsEndpoint) {
      args.awsEndpoint = awsEndpoint;
      return this;
    }

    /**
     * Sets {@code awsEndpoint}: an endpoint URL that replaces every AWS service endpoint (an
     * emulator, for example); falls back to {@code AWS_ENDPOINT_URL}.
     *
     * @param awsEndpoint the value
     * @return this builder
     */
    public Builder awsEndpoint(String awsEndpoint) {
      return awsEndpoint(Output.of(awsEndpoint));
    }

    /**
     * Sets {@code cloudflareApiToken}: the Cloudflare API token; falls back to
     * {@code CLOUDFLARE_API_TOKEN}. Always sent and stored as a secret.
     *
     * @param cloudflareApiToken the value, or {@code null} to leave it unset
     * @return this builder
     */
    public Builder cloudflareApiToken(@Nullable Output<String> cloudflareApiToken) {
      // A token is a secret whether or not the program marked it so.
      args.cloudflareApiToken = cloudflareApiToken == null ? null : cloudflareApiToken.asSecret();
      return this;
    }

    /**
     * Sets {@code cloudflareApiToken}: the Cloudflare API token; falls back to
     * {@code CLOUDFLARE_API_TOKEN}. Always sent and stored as a secret.
     *
     * @param cloudflareApiToken the value
     * @return this builder
     */
    public Builder cloudflareApiToken(String cloudflareApiToken) {
      return cloudflareApiToken(Output.of(cloudflareApiToken));
    }

    /**
     * Sets {@code cloudflareApiBaseUrl}: the base URL of the Cloudflare v4 API; falls back to
     * {@code CLOUDFLARE_API_BASE_URL}.
     *
     * @param cloudflareApiBaseUrl the value, or {@code null} to leave it unset
     * @return this builder
     */
    public Builder cloudflareApiBaseUrl(@Nullable Output<String> cloudflareApiBaseUrl) {
      args.cloudflareApiBaseUrl = cloudflareApiBaseUrl;
      return this;
    }

    /**
     * Sets {@code cloudflareApiBaseUrl}: the base URL of the Cloudflare v4 API; falls back to
     * {@code CLOUDFLARE_API_BASE_URL}.
     *
     * @param cloudflareApiBaseUrl the value
     * @return this builder
     */
    public Builder cloudflareApiBaseUrl(String cloudflareApiBaseUrl) {
      return cloudflareApiBaseUrl(Output.of(cloudflareApiBaseUrl));
    }

    /**
     * Sets {@code githubToken}: the GitHub token; falls back to {@code GITHUB_TOKEN}. Always sent
     * and stored as a secret.
     *
     * @param githubToken the value, or {@code null} to leave it unset
     * @return this builder
     */
    public Builder githubToken(@Nullable Output<String> githubToken) {
      // A token is a secret whether or not the program marked it so.
      args.githubToken = githubToken == null ? null : githubToken.asSecret();
      return this;
    }

    /**
     * Sets {@code githubToken}: the GitHub token; falls back to {@code GITHUB_TOKEN}. Always sent
     * and stored as a secret.
     *
     * @param githubToken the value
     * @return this builder
     */
    public Builder githubToken(String githubToken) {
      return githubToken(Output.of(githubToken));
    }

    /**
     * Sets {@code githubApiBaseUrl}: the base URL of the GitHub REST API; falls back to
     * {@code GITHUB_API_URL}.
     *
     * @param githubApiBaseUrl the value, or {@code null} to leave it unset
     * @return this builder
     */
    public Builder githubApiBaseUrl(@Nullable Output<String> githubApiBaseUrl) {
      args.githubApiBaseUrl = githubApiBaseUrl;
      return this;
    }

    /**
     * Sets {@code githubApiBaseUrl}: the base URL of the GitHub REST API; falls back to
     * {@code GITHUB_API_URL}.
     *
     * @param githubApiBaseUrl the value
     * @return this builder
     */
    public Builder githubApiBaseUrl(String githubApiBaseUrl) {
      return githubApiBaseUrl(Output.of(githubApiBaseUrl));
    }

    /**
     * Sets {@code verifyResolver}: the DNS server verifications ask ({@code host[:port]} or
     * {@code system}); falls back to {@code MTASTS_VERIFY_RESOLVER}.
     *
     * @param verifyResolver the value, or {@code null} to leave it unset
     * @return this builder
     */
    public Builder verifyResolver(@Nullable Output<String> verifyResolver) {
      args.verifyResolver = verifyResolver;
      return this;
    }

    /**
     * Sets {@code verifyResolver}: the DNS server verifications ask ({@code host[:port]} or
     * {@code system}); falls back to {@code MTASTS_VERIFY_RESOLVER}.
     *
     * @param verifyResolver the value
     * @return this builder
     */
    public Builder verifyResolver(String verifyResolver) {
      return verifyResolver(Output.of(verifyResolver));
    }

    /**
     * Sets {@code verifyCaFile}: a PEM file of extra trust anchors for verifications; falls back to
     * {@code MTASTS_VERIFY_CA_FILE}.
     *
     * @param verifyCaFile the value, or {@code null} to leave it unset
     * @return this builder
     */
    public Builder verifyCaFile(@Nullable Output<String> verifyCaFile) {
      args.verifyCaFile = verifyCaFile;
      return this;
    }

    /**
     * Sets {@code verifyCaFile}: a PEM file of extra trust anchors for verifications; falls back to
     * {@code MTASTS_VERIFY_CA_FILE}.
     *
     * @param verifyCaFile the value
     * @return this builder
     */
    public Builder verifyCaFile(String verifyCaFile) {
      return verifyCaFile(Output.of(verifyCaFile));
    }

    /**
     * Returns the inputs.
     *
     * @return the inputs
     */
    public ProviderArgs build() {
      return new ProviderArgs(args);
    }
  }
}
