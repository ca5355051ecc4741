package io.github.mtasts.verify;

import io.github.mtasts.policy.ParseResult;
import io.github.mtasts.policy.PolicyId;
import com.sun.management.UnixOperatingSystemMXBean;
import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * How a {@link Verifier} works: where it resolves names, which trust anchors and ports it uses,
 * how long each network step may take, which scope it covers, and what it expects to find.
 * Immutable; build with {@link #builder()}. The defaults are those of a sending MTA on this
 * machine (system resolver, system trust anchors, ports 25 and 443) and never weaken validation.
 */
public final class VerifyOptions {
  /** Senders cache a policy for up to a year, so a short warning horizon for expiry suffices. */
  static final Duration DEFAULT_EXPIRY_WARNING = Duration.ofDays(14);

  private final Optional<InetSocketAddress> resolver;
  private final Optional<Path> caFile;
  private final boolean caOnly;
  private final int smtpPort;
  private final int httpsPort;
  private final Duration dnsTimeout;
  private final Duration connectTimeout;
  private final Duration readTimeout;
  private final Duration fetchTimeout;
  private final Duration smtpTimeout;
  private final Duration expiryWarning;
  private final int concurrency;
  private final Optional<String> ehloName;
  private final Scope scope;
  private final Optional<String> expectedPolicy;
  private final Optional<String> expectedId;
  private final Map<String, PolicyState> previousStates;
  private final boolean authoritative;

  private VerifyOptions(Builder b) {
    this.resolver = b.resolver;
    this.caFile = b.caFile;
    this.caOnly = b.caOnly;
    this.smtpPort = b.smtpPort;
    this.httpsPort = b.httpsPort;
    this.dnsTimeout = b.dnsTimeout;
    this.connectTimeout = b.connectTimeout;
    this.readTimeout = b.readTimeout;
    this.fetchTimeout = b.fetchTimeout;
    this.smtpTimeout = b.smtpTimeout;
    this.expiryWarning = b.expiryWarning;
    this.concurrency = b.concurrency;
    this.ehloName = b.ehloName;
    this.scope = b.scope;
    this.expectedPolicy = b.expectedPolicy;
    this.expectedId = b.expectedId;
    this.previousStates = Map.copyOf(b.previousStates);
    this.authoritative = b.authoritative;
  }

  /** Starts with the production defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /** The defaults: system resolver and trust anchors, ports 25 and 443, scope {@link Scope#ALL}. */
  public static VerifyOptions defaults() {
    return builder().build();
  }

  /** A builder that starts from these options. */
  public Builder toBuilder() {
    return new Builder(this);
  }

  /** The DNS server to ask instead of the system resolver, for laboratory use. */
  public Optional<InetSocketAddress> resolver() {
    return resolver;
  }

  /** A PEM file of extra trust anchors, added to the system's (or alone: {@link #caOnly()}). */
  public Optional<Path> caFile() {
    return caFile;
  }

  /** True when only the anchors of {@link #caFile()} are trusted, not the system's. */
  public boolean caOnly() {
    return caOnly;
  }

  /** The SMTP port of MX hosts (25). */
  public int smtpPort() {
    return smtpPort;
  }

  /** The HTTPS port of the policy host (443). */
  public int httpsPort() {
    return httpsPort;
  }

  /** The time one DNS lookup may take, CNAMEs included. */
  public Duration dnsTimeout() {
    return dnsTimeout;
  }

  /** The time one TCP connect may take (policy host and MX hosts). */
  public Duration connectTimeout() {
    return connectTimeout;
  }

  /** The time to wait for any one read: an SMTP reply, HTTP headers or body bytes. */
  public Duration readTimeout() {
    return readTimeout;
  }

  /** The time the whole HTTPS policy fetch may take. */
  public Duration fetchTimeout() {
    return fetchTimeout;
  }

  /** The time the whole probe of one MX address may take, connect to QUIT. */
  public Duration smtpTimeout() {
    return smtpTimeout;
  }

  /** A certificate that expires within this time gets a warning. */
  public Duration expiryWarning() {
    return expiryWarning;
  }

  /** How many domains {@link Verifier#verifyAll} verifies at once. */
  public int concurrency() {
    return concurrency;
  }

  /**
   * The default concurrency on this machine: 16 domains per core (a verification mostly waits
   * on the network), at least 16 and at most 256, and no more than the open-file limit allows
   * when every domain in flight holds its policy fetch's and its probes' sockets at once, beside
   * the DNS queries' (a quarter of the limit is left to the rest of the process).
   */
  public static int fittingConcurrency() {
    int byCores = Math.max(16, Math.min(256, 16 * Runtime.getRuntime().availableProcessors()));
    long files = Long.MAX_VALUE;
    if (ManagementFactory.getOperatingSystemMXBean() instanceof UnixOperatingSystemMXBean unix) {
      files = unix.getMaxFileDescriptorCount();
    }
    long socketsPerDomain = 1 + DomainVerification.PROBES_AT_ONCE;
    long byFiles = (files * 3 / 4 - Verifier.QUERIES_OUTSTANDING) / socketsPerDomain;
    return (int) Math.max(1, Math.min(byCores, byFiles));
  }

  /** The name sent with EHLO; absent: the address literal of the local end (RFC 5321 §4.1.4). */
  public Optional<String> ehloName() {
    return ehloName;
  }

  /** Which part of the deployment is verified. */
  public Scope scope() {
    return scope;
  }

  /** The policy body that must be served, when the caller knows what it published. */
  public Optional<String> expectedPolicy() {
    return expectedPolicy;
  }

  /** The id the {@code _mta-sts} TXT record must carry, when the caller knows it. */
  public Optional<String> expectedId() {
    return expectedId;
  }

  /** What earlier runs saw, by domain (lower case, no trailing dot), to detect a stale id. */
  public Map<String, PolicyState> previousStates() {
    return previousStates;
  }

  /**
   * True when every name is asked of the authoritative name servers of its zone, found through
   * {@link #resolver()} (or the system resolver), so that no cache hides a fresh change.
   */
  public boolean authoritative() {
    return authoritative;
  }

  /** Builds {@link VerifyOptions}; each setter rejects a bad value at once, naming it. */
  public static final class Builder {
    private Optional<InetSocketAddress> resolver = Optional.empty();
    private Optional<Path> caFile = Optional.empty();
    private boolean caOnly;
    private int smtpPort = 25;
    private int httpsPort = 443;
    private Duration dnsTimeout = Duration.ofSeconds(5);
    private Duration connectTimeout = Duration.ofSeconds(10);
    // Greeting delays of 5 to 10 s are a common anti-spam measure; 20 s covers them.
    private Duration readTimeout = Duration.ofSeconds(20);
    private Duration fetchTimeout = Duration.ofSeconds(30);
    private Duration smtpTimeout = Duration.ofSeconds(60);
    private Duration expiryWarning = DEFAULT_EXPIRY_WARNING;
    private int concurrency = fittingConcurrency();
    private Optional<String> ehloName = Optional.empty();
    private Scope scope = Scope.ALL;
    private Optional<String> expectedPolicy = Optional.empty();
    private Optional<String> expectedId = Optional.empty();
    private final Map<String, PolicyState> previousStates = new LinkedHashMap<>();
    private boolean authoritative;

    private Builder() {}

    private Builder(VerifyOptions o) {
      resolver = o.resolver;
      caFile = o.caFile;
      caOnly = o.caOnly;
      smtpPort = o.smtpPort;
      httpsPort = o.httpsPort;
      dnsTimeout = o.dnsTimeout;
      connectTimeout = o.connectTimeout;
      readTimeout = o.readTimeout;
      fetchTimeout = o.fetchTimeout;
      smtpTimeout = o.smtpTimeout;
      expiryWarning = o.expiryWarning;
      concurrency = o.concurrency;
      ehloName = o.ehloName;
      scope = o.scope;
      expectedPolicy = o.expectedPolicy;
      expectedId = o.expectedId;
      previousStates.putAll(o.previousStates);
      authoritative = o.authoritative;
    }

    /** Asks this DNS server instead of the system resolver. */
    public Builder resolver(InetSocketAddress address) {
      this.resolver = Optional.of(Objects.requireNonNull(address, "resolver"));
      return this;
    }

    /**
     * Asks this DNS server instead of the system resolver.
     *
     * @param hostPort {@code HOST}, {@code HOST:PORT}, {@code [IPV6]:PORT} or a bare IPv6 address;
     *     the port defaults to 53
     * @throws IllegalArgumentException naming the value when it is not of that form
     */
    public Builder resolver(String hostPort) {
      return resolver(parseHostPort("resolver", hostPort, 53));
    }

    /** Trusts the certificates of this PEM file in addition to the system's trust anchors. */
    public Builder caFile(Path pemFile) {
      this.caFile = Optional.of(Objects.requireNonNull(pemFile, "caFile"));
      return this;
    }

    /** Trusts only the anchors of {@link #caFile(Path)}, not the system's. */
    public Builder caOnly(boolean caOnly) {
      this.caOnly = caOnly;
      return this;
    }

    /** The SMTP port of MX hosts, for laboratory use (default 25). */
    public Builder smtpPort(int port) {
      this.smtpPort = checkPort("smtpPort", port);
      return this;
    }

    /** The HTTPS port of the policy host, for laboratory use (default 443). */
    public Builder httpsPort(int port) {
      this.httpsPort = checkPort("httpsPort", port);
      return this;
    }

    /** The time one DNS lookup may take (default 5 s). */
    public Builder dnsTimeout(Duration timeout) {
      this.dnsTimeout = checkPositive("dnsTimeout", timeout);
      return this;
    }

    /** The time one TCP connect may take (default 10 s). */
    public Builder connectTimeout(Duration timeout) {
      this.connectTimeout = checkPositive("connectTimeout", timeout);
      return this;
    }

    /** The time to wait for any one read (default 20 s). */
    public Builder readTimeout(Duration timeout) {
      this.readTimeout = checkPositive("readTimeout", timeout);
      return this;
    }

    /** The time the whole HTTPS policy fetch may take (default 30 s). */
    public Builder fetchTimeout(Duration timeout) {
      this.fetchTimeout = checkPositive("fetchTimeout", timeout);
      return this;
    }

    /** The time the whole probe of one MX address may take (default 60 s). */
    public Builder smtpTimeout(Duration timeout) {
      this.smtpTimeout = checkPositive("smtpTimeout", timeout);
      return this;
    }

    /** A certificate that expires within this time gets a warning (default 14 days). */
    public Builder expiryWarning(Duration horizon) {
      if (horizon == null || horizon.isNegative()) {
        throw new IllegalArgumentException(
            "expiryWarning " + horizon + " must be zero or positive, for example 14 days");
      }
      this.expiryWarning = horizon;
      return this;
    }

    /**
     * How many domains {@link Verifier#verifyAll} verifies at once (1 to 1024; default {@link
     * VerifyOptions#fittingConcurrency()}).
     */
    public Builder concurrency(int concurrency) {
      if (concurrency < 1 || concurrency > 1024) {
        throw new IllegalArgumentException(
            "concurrency " + concurrency + " is out of range: use 1 to 1024");
      }
      this.concurrency = concurrency;
      return this;
    }

    /** The name to send with EHLO instead of the local address literal. */
    public Builder ehloName(String name) {
      if (name == null || name.isBlank() || name.chars().anyMatch(c -> c <= ' ' || c >= 127)) {
        throw new IllegalArgumentException(
            "ehloName '" + name + "' must be a host name or address literal without spaces");
      }
      this.ehloName = Optional.of(name);
      return this;
    }

    /** Which part of the deployment to verify (default {@link Scope#ALL}). */
    public Builder scope(Scope scope) {
      this.scope = Objects.requireNonNull(scope, "scope");
      return this;
    }

    /** The policy body that must be served: a different body is an error. */
    public Builder expectedPolicy(String body) {
      this.expectedPolicy = Optional.of(Objects.requireNonNull(body, "expectedPolicy"));
      return this;
    }

    /** The id the {@code _mta-sts} TXT record must carry: a different id is an error. */
    public Builder expectedId(String id) {
      ParseResult<PolicyId> parsed = PolicyId.parse(Objects.requireNonNull(id, "expectedId"));
      if (!parsed.isValid()) {
        throw new IllegalArgumentException("expectedId: " + parsed.errors().get(0).message());
      }
      this.expectedId = Optional.of(id);
      return this;
    }

    /** What an earlier run saw of {@code domain}, to detect a body change under the same id. */
    public Builder previousState(String domain, PolicyState state) {
      previousStates.put(DomainNames.normalize(domain), Objects.requireNonNull(state, "state"));
      return this;
    }

    /** What earlier runs saw, by domain. */
    public Builder previousStates(Map<String, PolicyState> states) {
      states.forEach(this::previousState);
      return this;
    }

    /**
     * Asks each name of the authoritative servers of its zone (see {@link AuthoritativeResolver}),
     * found through the resolver or the system's; for verifying right after a deployment.
     */
    public Builder authoritative(boolean authoritative) {
      this.authoritative = authoritative;
      return this;
    }

    /**
     * Builds the options.
     *
     * @throws IllegalArgumentException when {@code caOnly} is set without a {@code caFile}
     */
    public VerifyOptions build() {
      if (caOnly && caFile.isEmpty()) {
        throw new IllegalArgumentException(
            "caOnly is set but no caFile is given: give the PEM file of the anchors to trust");
      }
      return new VerifyOptions(this);
    }

    static int checkPort(String field, int port) {
      if (port < 1 || port > 65535) {
        throw new IllegalArgumentException(field + " " + port + " is out of range: use 1 to 65535");
      }
      return port;
    }

    private static Duration checkPositive(String field, Duration timeout) {
      if (timeout == null || timeout.isZero() || timeout.isNegative()) {
        throw new IllegalArgumentException(
            field + " " + timeout + " must be positive, for example PT5S (5 seconds)");
      }
      return timeout;
    }
  }

  /**
   * Parses {@code HOST}, {@code HOST:PORT}, {@code [IPV6]}, {@code [IPV6]:PORT} or a bare IPv6
   * address ({@link HostPort}) and looks a host name up.
   *
   * @param field the name of the setting, for the error message
   * @param text the text to parse
   * @param defaultPort the port when none is given
   * @return the socket address, resolved
   * @throws IllegalArgumentException naming the field and the value when it is malformed or the
   *     host name does not resolve
   */
  public static InetSocketAddress parseHostPort(String field, String text, int defaultPort) {
    return HostPort.parse(field, text, defaultPort).resolve();
  }
}
