package io.github.mtasts.provider.host;

/**
 * The provider's settings that code reads ({@code mtasts:<name>} in a stack's configuration),
 * each with how its value is checked beyond what the schema says. Whether a setting is secret
 * and which environment variables supply it when the stack does not are the schema's
 * ({@code secret}, {@code defaultInfo.environment}).
 */
public enum ConfigKey {
  /** The AWS region for regional AWS resources. */
  AWS_REGION("awsRegion", Kind.TEXT),
  /** An AWS endpoint override, for emulators. */
  AWS_ENDPOINT("awsEndpoint", Kind.URL),
  /** The GitHub token of the GitHub Pages resources (a secret). */
  GITHUB_TOKEN("githubToken", Kind.TEXT),
  /** The owner of the policy repositories when a resource names none. */
  GITHUB_OWNER("githubOwner", Kind.TEXT),
  /** The GitHub REST API's base URL, for GitHub Enterprise Server or an emulator. */
  GITHUB_API_BASE_URL("githubApiBaseUrl", Kind.URL),
  /** The Cloudflare API token (secret). */
  CLOUDFLARE_API_TOKEN("cloudflareApiToken", Kind.TEXT),
  /** The Cloudflare account that owns the Workers. */
  CLOUDFLARE_ACCOUNT_ID("cloudflareAccountId", Kind.TEXT),
  /** The base URL of Cloudflare's v4 API, for a stand-in of it. */
  CLOUDFLARE_API_BASE_URL("cloudflareApiBaseUrl", Kind.URL),
  /** The DNS server verifications ask, host[:port]. */
  VERIFY_RESOLVER("verifyResolver", Kind.RESOLVER),
  /** Extra trust anchors (PEM) for verifications. */
  VERIFY_CA_FILE("verifyCaFile", Kind.PEM_FILE);

  /** How a value is checked. */
  public enum Kind {
    /** Any non-empty string. */
    TEXT,
    /** An absolute http or https URL. */
    URL,
    /** A DNS server as host[:port], or "system". */
    RESOLVER,
    /** A readable PEM file. */
    PEM_FILE
  }

  private final String key;
  private final Kind kind;

  ConfigKey(String key, Kind kind) {
    this.key = key;
    this.kind = kind;
  }

  /**
   * The name in the configuration and on the wire.
   *
   * @return for example "awsRegion"
   */
  public String key() {
    return key;
  }

  /**
   * How the value is checked.
   *
   * @return the kind
   */
  public Kind kind() {
    return kind;
  }
}
