package io.github.mtasts.sdk;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Import;
import com.pulumi.resources.ResourceArgs;
import java.util.Objects;
import java.util.Optional;
import javax.annotation.Nullable;

/**
 * The configuration of an explicit {@link Provider}: the same settings as the stack config keys
 * {@code mtasts:<name>}. Every setting is optional; the plugin falls back to the named
 * environment variable. The two tokens are marked secret as soon as they are set, so they reach
 * the engine and the state only encrypted.
 */
public final class ProviderArgs extends ResourceArgs {

  /** Inputs with nothing set: the plugin reads stack config and environment only. */
  public static final ProviderArgs Empty = new ProviderArgs();

  /** AWS region of the Route 53, ACM and S3 calls; falls back to {@code AWS_REGION}, then {@code AWS_DEFAULT_REGION}. */
  @Import(name = "awsRegion")
  private @Nullable Output<String> awsRegion;

  /** AWS endpoint URL override (an emulator, for example); falls back to {@code AWS_ENDPOINT_URL}. */
  @Import(name = "awsEndpoint")
  private @Nullable Output<String> awsEndpoint;

  /** Cloudflare API token; falls back to {@code CLOUDFLARE_API_TOKEN}. Always sent and stored as a secret. */
  @Import(name = "cloudflareApiToken")
  private @Nullable Output<String> cloudflareApiToken;

  /** Cloudflare v4 API base URL override; falls back to {@code CLOUDFLARE_API_BASE_URL}. */
  @Import(name = "cloudflareApiBaseUrl")
  private @Nullable Output<String> cloudflareApiBaseUrl;

  /** GitHub token; falls back to {@code GITHUB_TOKEN}. Always sent and stored as a secret. */
  @Import(name = "githubToken")
  private @Nullable Output<String> githubToken;

  /** GitHub REST API base URL override; falls back to {@code GITHUB_API_URL}. */
  @Import(name = "githubApiBaseUrl")
  private @Nullable Output<String> githubApiBaseUrl;

  /** DNS resolver ({@code host[:port]}) for verifications; falls back to {@code MTASTS_VERIFY_RESOLVER}. */
  @Import(name = "verifyResolver")
  private @Nullable Output<String> verifyResolver;

  /** PEM file of extra trust anchors for verifications; falls back to {@code MTASTS_VERIFY_CA_FILE}. */
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
   * Returns the setting {@code awsRegion}: AWS region of the Route 53, ACM and S3 calls; falls back to {@code AWS_REGION}, then {@code AWS_DEFAULT_REGION}.
   *
   * @return the value, or empty when not set here
   */
  public Optional<Output<String>> awsRegion() {
    return Optional.ofNullable(awsRegion);
  }

  /**
   * Returns the setting {@code awsEndpoint}: AWS endpoint URL override (an emulator, for example); falls back to {@code AWS_ENDPOINT_URL}.
   *
   * @return the value, or empty when not set here
   */
  public Optional<Output<String>> awsEndpoint() {
    return Optional.ofNullable(awsEndpoint);
  }

  /**
   * Returns the setting {@code cloudflareApiToken}: Cloudflare API token; falls back to {@code CLOUDFLARE_API_TOKEN}. Always sent and stored as a secret.
   *
   * @return the value, or empty when not set here
   */
  public Optional<Output<String>> cloudflareApiToken() {
    return Optional.ofNullable(cloudflareApiToken);
  }

  /**
   * Returns the setting {@code cloudflareApiBaseUrl}: Cloudflare v4 API base URL override; falls back to {@code CLOUDFLARE_API_BASE_URL}.
   *
   * @return the value, or empty when not set here
   */
  public Optional<Output<String>> cloudflareApiBaseUrl() {
    return Optional.ofNullable(cloudflareApiBaseUrl);
  }

  /**
   * Returns the setting {@code githubToken}: GitHub token; falls back to {@code GITHUB_TOKEN}. Always sent and stored as a secret.
   *
   * @return the value, or empty when not set here
   */
  public Optional<Output<String>> githubToken() {
    return Optional.ofNullable(githubToken);
  }

  /**
   * Returns the setting {@code githubApiBaseUrl}: GitHub REST API base URL override; falls back to {@code GITHUB_API_URL}.
   *
   * @return the value, or empty when not set here
   */
  public Optional<Output<String>> githubApiBaseUrl() {
    return Optional.ofNullable(githubApiBaseUrl);
  }

  /**
   * Returns the setting {@code verifyResolver}: DNS resolver ({@code host[:port]}) for verifications; falls back to {@code MTASTS_VERIFY_RESOLVER}.
   *
   * @return the value, or empty when not set here
   */
  public Optional<Output<String>> verifyResolver() {
    return Optional.ofNullable(verifyResolver);
  }

  /**
   * Returns the setting {@code verifyCaFile}: PEM file of extra trust anchors for verifications; falls back to {@code MTASTS_VERIFY_CA_FILE}.
   *
   * @return the value, or empty when not set here
   */
  public Optional<Output<String>> verifyCaFile() {
    return Optional.ofNullable(verifyCaFile);
  }

  /**
   * Starts a builder for the configuration.
   *
   * @return an empty builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Starts a builder from an existing configuration, to change some of it.
   *
   * @param defaults the configuration to start from
   * @return a builder holding {@code defaults}
   */
  public static Builder builder(ProviderArgs defaults) {
    return new Builder(defaults);
  }

  /** Builds {@link ProviderArgs}; each setting takes a plain value or an {@link Output}. */
  public static final class Builder {
    private final ProviderArgs args;

    /** Starts with nothing set. */
    public Builder() {
      args = new ProviderArgs();
    }

    /**
     * Starts with the given configuration.
     *
     * @param defaults the configuration to start from
     */
    public Builder(ProviderArgs defaults) {
      args = new ProviderArgs(Objects.requireNonNull(defaults));
    }

    /**
     * Sets {@code awsRegion}: AWS region of the Route 53, ACM and S3 calls; falls back to {@code AWS_REGION}, then {@code AWS_DEFAULT_REGION}.
     *
     * @param awsRegion the value, or {@code null} to leave it unset
     * @return this builder
     */
    public Builder awsRegion(@Nullable Output<String> awsRegion) {
      args.awsRegion = awsRegion;
      return this;
    }

    /**
     * Sets {@code awsRegion}: AWS region of the Route 53, ACM and S3 calls; falls back to {@code AWS_REGION}, then {@code AWS_DEFAULT_REGION}.
     *
     * @param awsRegion the value
     * @return this builder
     */
    public Builder awsRegion(String awsRegion) {
      return awsRegion(Output.of(awsRegion));
    }

    /**
     * Sets {@code awsEndpoint}: AWS endpoint URL override (an emulator, for example); falls back to {@code AWS_ENDPOINT_URL}.
     *
     * @param awsEndpoint the value, or {@code null} to leave it unset
     * @return this builder
     */
    public Builder awsEndpoint(@Nullable Output<String> awsEndpoint) {
      args.awsEndpoint = awsEndpoint;
      return this;
    }

    /**
     * Sets {@code awsEndpoint}: AWS endpoint URL override (an emulator, for example); falls back to {@code AWS_ENDPOINT_URL}.
     *
     * @param awsEndpoint the value
     * @return this builder
     */
    public Builder awsEndpoint(String awsEndpoint) {
      return awsEndpoint(Output.of(awsEndpoint));
    }

    /**
     * Sets {@code cloudflareApiToken}: Cloudflare API token; falls back to {@code CLOUDFLARE_API_TOKEN}. Always sent and stored as a secret.
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
     * Sets {@code cloudflareApiToken}: Cloudflare API token; falls back to {@code CLOUDFLARE_API_TOKEN}. Always sent and stored as a secret.
     *
     * @param cloudflareApiToken the value
     * @return this builder
     */
    public Builder cloudflareApiToken(String cloudflareApiToken) {
      return cloudflareApiToken(Output.of(cloudflareApiToken));
    }

    /**
     * Sets {@code cloudflareApiBaseUrl}: Cloudflare v4 API base URL override; falls back to {@code CLOUDFLARE_API_BASE_URL}.
     *
     * @param cloudflareApiBaseUrl the value, or {@code null} to leave it unset
     * @return this builder
     */
    public Builder cloudflareApiBaseUrl(@Nullable Output<String> cloudflareApiBaseUrl) {
      args.cloudflareApiBaseUrl = cloudflareApiBaseUrl;
      return this;
    }

    /**
     * Sets {@code cloudflareApiBaseUrl}: Cloudflare v4 API base URL override; falls back to {@code CLOUDFLARE_API_BASE_URL}.
     *
     * @param cloudflareApiBaseUrl the value
     * @return this builder
     */
    public Builder cloudflareApiBaseUrl(String cloudflareApiBaseUrl) {
      return cloudflareApiBaseUrl(Output.of(cloudflareApiBaseUrl));
    }

    /**
     * Sets {@code githubToken}: GitHub token; falls back to {@code GITHUB_TOKEN}. Always sent and stored as a secret.
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
     * Sets {@code githubToken}: GitHub token; falls back to {@code GITHUB_TOKEN}. Always sent and stored as a secret.
     *
     * @param githubToken the value
     * @return this builder
     */
    public Builder githubToken(String githubToken) {
      return githubToken(Output.of(githubToken));
    }

    /**
     * Sets {@code githubApiBaseUrl}: GitHub REST API base URL override; falls back to {@code GITHUB_API_URL}.
     *
     * @param githubApiBaseUrl the value, or {@code null} to leave it unset
     * @return this builder
     */
    public Builder githubApiBaseUrl(@Nullable Output<String> githubApiBaseUrl) {
      args.githubApiBaseUrl = githubApiBaseUrl;
      return this;
    }

    /**
     * Sets {@code githubApiBaseUrl}: GitHub REST API base URL override; falls back to {@code GITHUB_API_URL}.
     *
     * @param githubApiBaseUrl the value
     * @return this builder
     */
    public Builder githubApiBaseUrl(String githubApiBaseUrl) {
      return githubApiBaseUrl(Output.of(githubApiBaseUrl));
    }

    /**
     * Sets {@code verifyResolver}: DNS resolver ({@code host[:port]}) for verifications; falls back to {@code MTASTS_VERIFY_RESOLVER}.
     *
     * @param verifyResolver the value, or {@code null} to leave it unset
     * @return this builder
     */
    public Builder verifyResolver(@Nullable Output<String> verifyResolver) {
      args.verifyResolver = verifyResolver;
      return this;
    }

    /**
     * Sets {@code verifyResolver}: DNS resolver ({@code host[:port]}) for verifications; falls back to {@code MTASTS_VERIFY_RESOLVER}.
     *
     * @param verifyResolver the value
     * @return this builder
     */
    public Builder verifyResolver(String verifyResolver) {
      return verifyResolver(Output.of(verifyResolver));
    }

    /**
     * Sets {@code verifyCaFile}: PEM file of extra trust anchors for verifications; falls back to {@code MTASTS_VERIFY_CA_FILE}.
     *
     * @param verifyCaFile the value, or {@code null} to leave it unset
     * @return this builder
     */
    public Builder verifyCaFile(@Nullable Output<String> verifyCaFile) {
      args.verifyCaFile = verifyCaFile;
      return this;
    }

    /**
     * Sets {@code verifyCaFile}: PEM file of extra trust anchors for verifications; falls back to {@code MTASTS_VERIFY_CA_FILE}.
     *
     * @param verifyCaFile the value
     * @return this builder
     */
    public Builder verifyCaFile(String verifyCaFile) {
      return verifyCaFile(Output.of(verifyCaFile));
    }

    /**
     * Returns the configuration.
     *
     * @return the configuration
     */
    public ProviderArgs build() {
      return new ProviderArgs(args);
    }
  }
}
