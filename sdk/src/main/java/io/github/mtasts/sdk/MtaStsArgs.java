package io.github.mtasts.sdk;

import io.github.mtasts.policy.InvalidInputException;
import io.github.mtasts.policy.MaxAge;
import io.github.mtasts.policy.ParseResult;
import io.github.mtasts.policy.Policy;
import io.github.mtasts.policy.Problem;
import io.github.mtasts.policy.TlsRptRecord;
import io.github.mtasts.sdk.enums.Mode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The inputs of an {@link MtaSts} component: one mail domain's MTA-STS policy (RFC 8461), its
 * TLS-RPT report addresses (RFC 8460), and where the records and the policy file go.
 *
 * <p>Plain values, checked by the policy core when {@link Builder#build()} runs: a program with a
 * bad mode, MX pattern, lifetime, report URI or domain stops there, with a message naming the
 * field, the value and the fix, before any resource is registered.
 *
 * <pre>{@code
 * MtaStsArgs.builder()
 *     .domain("example.com")
 *     .mode(Mode.TESTING)
 *     .mx("mx1.example.com", "*.mail.example.net")
 *     .maxAge(Duration.ofDays(7))
 *     .tlsRptRua("mailto:tlsrpt@example.com")
 *     .dns(Dns.route53("Z0123456789ABCDEFGHIJ"))
 *     .hosting(Hosting.s3CloudFront())
 *     .build();
 * }</pre>
 */
public final class MtaStsArgs {
  /** Policy core field names, as the args call them. */
  private static final Map<String, String> ARG_NAMES = Map.of(
      "mode", "mode", "mx", "mx", "max_age", "maxAge", "rua", "tlsRptRua");

  private final String domain;
  private final Policy policy;
  private final List<String> mx;
  private final Optional<TlsRptRecord> tlsRpt;
  private final Dns dns;
  private final Hosting hosting;
  private final VerificationOptions verification;

  private MtaStsArgs(String domain, Policy policy, List<String> mx,
      Optional<TlsRptRecord> tlsRpt, Builder builder) {
    this.domain = domain;
    this.policy = policy;
    this.mx = mx;
    this.tlsRpt = tlsRpt;
    this.dns = builder.dns;
    this.hosting = builder.hosting;
    this.verification = builder.verification;
  }

  /**
   * Starts a builder with nothing set.
   *
   * @return the builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Returns the mail domain.
   *
   * @return the domain in lower case, for example {@code example.com}
   */
  public String domain() {
    return domain;
  }

  /**
   * Returns the policy mode.
   *
   * @return enforce, testing or none
   */
  public Mode mode() {
    // The SDK's Mode has the policy core's constants, by name.
    return Mode.valueOf(policy.mode().name());
  }

  /**
   * Returns the MX host patterns as given.
   *
   * @return host names or {@code *.} wildcards
   */
  public List<String> mx() {
    return mx;
  }

  /**
   * Returns how long senders may cache the policy.
   *
   * @return whole seconds, at most 31557600 (RFC 8461 §3.2)
   */
  public Duration maxAge() {
    return Duration.ofSeconds(policy.maxAge());
  }

  /**
   * Returns the TLS-RPT report destinations.
   *
   * @return the URIs, empty when no {@code _smtp._tls} record is published
   */
  public List<String> tlsRptRua() {
    return tlsRpt.map(TlsRptRecord::rua).orElse(List.of());
  }

  /**
   * Returns where the DNS records go.
   *
   * @return the DNS target
   */
  public Dns dns() {
    return dns;
  }

  /**
   * Returns where the policy file is served from.
   *
   * @return the hosting
   */
  public Hosting hosting() {
    return hosting;
  }

  /**
   * Returns how the component's verifications run.
   *
   * @return the options, {@link VerificationOptions#defaults()} unless set
   */
  public VerificationOptions verification() {
    return verification;
  }

  /**
   * Returns the policy these inputs describe, as the policy core renders it: the body the
   * component serves and the id it announces are this policy's.
   *
   * @return the policy
   */
  public Policy policy() {
    return policy;
  }

  /**
   * Returns the TLS-RPT record these inputs describe.
   *
   * @return the record, empty when no report URI was given
   */
  public Optional<TlsRptRecord> tlsRptRecord() {
    return tlsRpt;
  }

  @Override
  public String toString() {
    return "MtaStsArgs{domain=" + domain + ", policy=" + policy + ", tlsRpt=" + tlsRpt + ", dns="
        + dns + ", hosting=" + hosting + ", verification=" + verification + "}";
  }

  /** Builds {@link MtaStsArgs}; {@link #build()} reports every invalid or missing input at once. */
  public static final class Builder {
    private String domain;
    private Mode mode;
    private String modeText;
    private List<String> mx = List.of();
    private Duration maxAge;
    private List<String> rua = List.of();
    private Dns dns;
    private Hosting hosting;
    private VerificationOptions verification = VerificationOptions.defaults();

    private Builder() {}

    /**
     * Sets the mail domain: the part after {@code @} in the addresses the policy protects.
     *
     * @param domain for example {@code example.com}; internationalised names in A-label form
     * @return this builder
     */
    public Builder domain(String domain) {
      this.domain = Objects.requireNonNull(domain, "domain");
      return this;
    }

    /**
     * Sets the policy mode: start with {@link Mode#TESTING}, move to {@link Mode#ENFORCE} once the
     * TLS-RPT reports are clean.
     *
     * @param mode the mode
     * @return this builder
     */
    public Builder mode(Mode mode) {
      this.mode = Objects.requireNonNull(mode, "mode");
      this.modeText = null;
      return this;
    }

    /**
     * Sets the policy mode from its token, as configuration gives it.
     *
     * @param mode {@code enforce}, {@code testing} or {@code none}
     * @return this builder
     */
    public Builder mode(String mode) {
      this.modeText = Objects.requireNonNull(mode, "mode");
      this.mode = null;
      return this;
    }

    /**
     * Sets the MX host patterns the policy allows (RFC 8461 §3.2): every MX host of the domain
     * must match one.
     *
     * @param mx host names such as {@code mx1.example.com} or wildcards such as
     *     {@code *.mail.example.net}
     * @return this builder
     */
    public Builder mx(String... mx) {
      return mx(Arrays.asList(mx));
    }

    /**
     * Sets the MX host patterns the policy allows.
     *
     * @param mx host names or {@code *.} wildcards
     * @return this builder
     */
    public Builder mx(List<String> mx) {
      mx.forEach(pattern -> Objects.requireNonNull(pattern, "mx pattern"));
      this.mx = List.copyOf(mx);
      return this;
    }

    /**
     * Sets how long sending servers may cache the policy.
     *
     * @param maxAge whole seconds, at most one year (RFC 8461 §3.2); weeks are usual
     * @return this builder
     */
    public Builder maxAge(Duration maxAge) {
      this.maxAge = Objects.requireNonNull(maxAge, "maxAge");
      return this;
    }

    /**
     * Sets how long sending servers may cache the policy.
     *
     * @param seconds 0 to 31557600
     * @return this builder
     */
    public Builder maxAge(long seconds) {
      return maxAge(Duration.ofSeconds(seconds));
    }

    /**
     * Sets where sending servers send their daily TLS reports (RFC 8460 §3); without any, no
     * {@code _smtp._tls} record is published.
     *
     * @param rua {@code mailto:} or {@code https:} URIs
     * @return this builder
     */
    public Builder tlsRptRua(String... rua) {
      return tlsRptRua(Arrays.asList(rua));
    }

    /**
     * Sets where sending servers send their daily TLS reports.
     *
     * @param rua {@code mailto:} or {@code https:} URIs
     * @return this builder
     */
    public Builder tlsRptRua(List<String> rua) {
      rua.forEach(uri -> Objects.requireNonNull(uri, "rua URI"));
      this.rua = List.copyOf(rua);
      return this;
    }

    /**
     * Sets where the DNS records go.
     *
     * @param dns for example {@link Dns#route53(String)}
     * @return this builder
     */
    public Builder dns(Dns dns) {
      this.dns = Objects.requireNonNull(dns, "dns");
      return this;
    }

    /**
     * Sets where the policy file is served from.
     *
     * @param hosting for example {@link Hosting#s3CloudFront()}
     * @return this builder
     */
    public Builder hosting(Hosting hosting) {
      this.hosting = Objects.requireNonNull(hosting, "hosting");
      return this;
    }

    /**
     * Sets how the component's verifications run.
     *
     * @param verification the options
     * @return this builder
     */
    public Builder verification(VerificationOptions verification) {
      this.verification = Objects.requireNonNull(verification, "verification");
      return this;
    }

    /**
     * Checks every input with the policy core and returns the inputs.
     *
     * @return the inputs
     * @throws InvalidInputException naming every invalid or missing input, its value and the fix
     */
    public MtaStsArgs build() {
      List<Problem> problems = new ArrayList<>();
      String normalizedDomain = MailDomain.check(domain, problems);
      // The policy core reads the mode from its word, whichever way it was given.
      io.github.mtasts.policy.Mode parsedMode = null;
      String word = mode != null ? mode.getValue() : modeText;
      if (word != null) {
        ParseResult<io.github.mtasts.policy.Mode> parsed = io.github.mtasts.policy.Mode.parse(word);
        problems.addAll(named(parsed.errors()));
        parsedMode = parsed.value().orElse(null);
      }
      Policy policy = null;
      Policy.Builder policyBuilder = Policy.builder().mx(mx);
      if (parsedMode != null) {
        policyBuilder.mode(parsedMode);
      }
      if (maxAge != null && maxAge.getNano() != 0) {
        problems.add(Problem.error("maxAge", 0, maxAge.toString(),
            "MtaStsArgs.maxAge: " + maxAge + " is not a whole number of seconds: RFC 8461 §3.2"
                + " counts max_age in seconds, give for example Duration.ofDays(7)."));
      } else if (maxAge != null) {
        policyBuilder.maxAge(maxAge.getSeconds());
      }
      try {
        policy = policyBuilder.build();
      } catch (InvalidInputException e) {
        // A missing mode was already reported by its parser; keep the other findings.
        problems.addAll(named(e.problems().stream()
            .filter(p -> word == null || !p.field().equals("mode"))
            .filter(p -> maxAge == null || !p.field().equals("max_age") || !p.text().isEmpty())
            .toList()));
      }
      Optional<TlsRptRecord> tlsRpt = Optional.empty();
      if (!rua.isEmpty()) {
        try {
          tlsRpt = Optional.of(TlsRptRecord.of(rua));
        } catch (InvalidInputException e) {
          problems.addAll(named(e.problems()));
        }
      }
      if (dns == null) {
        problems.add(Problem.error("dns", 0, "", "MtaStsArgs.dns is required: say where the DNS"
            + " records go, for example .dns(Dns.route53(\"Z0123456789ABCDEFGHIJ\"))."));
      }
      if (hosting == null) {
        problems.add(Problem.error("hosting", 0, "", "MtaStsArgs.hosting is required: say where"
            + " the policy file is served from, for example .hosting(Hosting.s3CloudFront())."));
      }
      if (dns != null && hosting != null) {
        hosting.incompatibility(dns).ifPresent(reason -> problems.add(Problem.error("hosting", 0,
            hosting.describe(), "MtaStsArgs.hosting: " + hosting.describe() + " cannot be used"
                + " with " + dns.describe() + ": " + reason)));
      }
      if (!problems.isEmpty()) {
        throw new InvalidInputException(problems);
      }
      return new MtaStsArgs(normalizedDomain, policy, mx, tlsRpt, this);
    }

    /** The policy core's problems, each message prefixed with the argument it concerns. */
    private static List<Problem> named(List<Problem> problems) {
      return problems.stream().map(p -> {
        String field = ARG_NAMES.getOrDefault(p.field(), p.field());
        return new Problem(p.severity(), field, p.line(), p.text(),
            "MtaStsArgs." + field + ": " + p.message());
      }).toList();
    }
  }
}
