package io.github.mtasts.provider.index;

import io.github.mtasts.provider.host.CommonChecks;
import io.github.mtasts.provider.host.ConfigKey;
import io.github.mtasts.provider.host.InputRecord;
import io.github.mtasts.provider.host.PropertyMap;
import io.github.mtasts.provider.host.PropertyValue;
import io.github.mtasts.provider.host.ProviderConfig;
import io.github.mtasts.verify.Check;
import io.github.mtasts.verify.Scope;
import io.github.mtasts.verify.VerifyOptions;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/**
 * The checked inputs of a {@code mtasts:index:Verification}, decoded once, and the verifier
 * options they stand for together with the provider's configuration.
 *
 * @param domain the mail domain
 * @param expectedPolicy the body that must be served
 * @param expectedId the id the TXT record must carry
 * @param scope which checks run
 * @param failOn the lowest severity that fails the operation
 * @param timeout how long failing checks are retried
 * @param resolver the DNS server setting: host[:port] or "system"; empty for the provider's
 * @param caFile extra trust anchors; empty for the provider's
 * @param httpsPort the policy host's port, when not 443
 * @param smtpPort the MX hosts' port, when not 25
 * @param triggers any value whose change runs the verification again
 */
public record VerificationInputs(
    String domain,
    Optional<String> expectedPolicy,
    Optional<String> expectedId,
    Scope scope,
    FailOn failOn,
    Duration timeout,
    Optional<String> resolver,
    Optional<String> caFile,
    Optional<Integer> httpsPort,
    Optional<Integer> smtpPort,
    Optional<PropertyValue> triggers) {

  static final String DOMAIN = "domain";
  static final String EXPECTED_POLICY = "expectedPolicy";
  static final String EXPECTED_ID = "expectedId";
  static final String TIMEOUT = "timeout";
  static final String RESOLVER = "resolver";
  static final String CA_FILE = "caFile";
  static final String HTTPS_PORT = "httpsPort";
  static final String SMTP_PORT = "smtpPort";

  /** The severity from which a check fails the operation. */
  enum FailOn {
    /** Errors fail. */
    ERROR,
    /** Warnings and errors fail. */
    WARNING,
    /**
     * Nothing fails: the checks run once, without retries, failing errors are shown as a warning,
     * and the report is recorded.
     */
    NEVER;

    /** The input's word for this value, as the schema's enum mtasts:index:FailOn writes it. */
    String word() {
      return name().toLowerCase(Locale.ROOT);
    }

    /** Whether a check counts as failing: it fails the operation, and it is retried. */
    boolean failing(Check check) {
      return switch (this) {
        case WARNING -> check.severity() == Check.Severity.ERROR || check.severity() == Check.Severity.WARNING;
        case ERROR, NEVER -> check.severity() == Check.Severity.ERROR;
      };
    }
  }

  /**
   * Decodes checked, known inputs.
   *
   * @param inputs revealed inputs that passed Check (defaults applied)
   * @return the typed inputs
   */
  static VerificationInputs of(PropertyMap inputs) {
    return InputRecord.decode(inputs, VerificationInputs.class);
  }

  /**
   * The verifier options: the inputs first, then the provider's configuration (see {@link #dns}).
   *
   * @param config the provider's configuration
   * @return the options
   */
  VerifyOptions options(ProviderConfig config) {
    VerifyOptions.Builder options = dns(VerifyOptions.builder().scope(scope), resolver, config);
    expectedPolicy.ifPresent(options::expectedPolicy);
    expectedId.ifPresent(options::expectedId);
    caFile.or(() -> config.get(ConfigKey.VERIFY_CA_FILE)).map(Path::of).ifPresent(options::caFile);
    httpsPort.ifPresent(options::httpsPort);
    smtpPort.ifPresent(options::smtpPort);
    return options.build();
  }

  /**
   * Sets where the verifier asks DNS: the given resolver, else the provider's verifyResolver,
   * else the authoritative servers of each name's zone, so that no cache hides what was just
   * deployed; "system" selects the system's resolver.
   *
   * @param options the options to complete
   * @param resolver a resource's own resolver setting, if any
   * @param config the provider's configuration
   * @return the options
   */
  static VerifyOptions.Builder dns(VerifyOptions.Builder options, Optional<String> resolver, ProviderConfig config) {
    Optional<String> dns = resolver.or(() -> config.get(ConfigKey.VERIFY_RESOLVER));
    if (dns.isEmpty()) {
      options.authoritative(true);
    } else if (!dns.get().equals(CommonChecks.SYSTEM_RESOLVER)) {
      options.resolver(dns.get());
    }
    return options;
  }
}
