package io.github.mtasts.provider.host;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The provider's configuration keys ({@code mtasts:<name>} in a stack's configuration), each
 * with the environment variables that supply it when the stack does not, and how its value is
 * checked.
 */
public enum ConfigKey {
  /** The AWS region for regional AWS resources. */
  AWS_REGION("awsRegion", false, Kind.TEXT, "AWS_REGION", "AWS_DEFAULT_REGION"),
  /** An AWS endpoint override, for emulators. */
  AWS_ENDPOINT("awsEndpoint", false, Kind.URL, "AWS_ENDPOINT_URL"),
  /** The Cloudflare API token. */
  CLOUDFLARE_API_TOKEN("cloudflareApiToken", true, Kind.TEXT, "CLOUDFLARE_API_TOKEN"),
  /** A Cloudflare API base URL override, for emulators. */
  CLOUDFLARE_API_BASE_URL("cloudflareApiBaseUrl", false, Kind.URL, "CLOUDFLARE_API_BASE_URL"),
  /** The GitHub token. */
  GITHUB_TOKEN("githubToken", true, Kind.TEXT, "GITHUB_TOKEN"),
  /** A GitHub API base URL override, for GitHub Enterprise or emulators. */
  GITHUB_API_BASE_URL("githubApiBaseUrl", false, Kind.URL, "GITHUB_API_URL"),
  /** The DNS server verifications ask, host[:port]. */
  VERIFY_RESOLVER("verifyResolver", false, Kind.RESOLVER, "MTASTS_VERIFY_RESOLVER"),
  /** Extra trust anchors (PEM) for verifications. */
  VERIFY_CA_FILE("verifyCaFile", false, Kind.PEM_FILE, "MTASTS_VERIFY_CA_FILE");

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
  private final boolean secret;
  private final Kind kind;
  private final List<String> environment;

  ConfigKey(String key, boolean secret, Kind kind, String... environment) {
    this.key = key;
    this.secret = secret;
    this.kind = kind;
    this.environment = List.of(environment);
  }

  /**
   * The name in the configuration and on the wire.
   *
   * @return for example "githubToken"
   */
  public String key() {
    return key;
  }

  /**
   * Whether the value is a secret (never logged, stored encrypted).
   *
   * @return true for tokens
   */
  public boolean secret() {
    return secret;
  }

  /**
   * How the value is checked.
   *
   * @return the kind
   */
  public Kind kind() {
    return kind;
  }

  /**
   * The environment variables that supply the value when the configuration does not, in order.
   *
   * @return the variable names
   */
  public List<String> environment() {
    return environment;
  }

  /**
   * The key with a given name.
   *
   * @param key the name in the configuration
   * @return the key, or empty when there is none of that name
   */
  public static Optional<ConfigKey> byKey(String key) {
    return Arrays.stream(values()).filter(k -> k.key.equals(key)).findFirst();
  }
}
