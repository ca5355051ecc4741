package io.github.mtasts.provider.host;

import io.github.mtasts.policy.Excerpt;
import io.github.mtasts.verify.DomainNames;
import io.github.mtasts.verify.HostPort;
import io.github.mtasts.verify.TrustAnchors;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Optional;

/** Checks shared by the provider configuration and the resources. */
public final class CommonChecks {

  /** The resolver value that selects the system's resolver. */
  public static final String SYSTEM_RESOLVER = "system";

  private static final int DNS_PORT = 53;

  private CommonChecks() {}

  /**
   * Checks a DNS server: host[:port], or "system", with the verifier's own parser.
   *
   * @param check the check to record a failure in
   * @param property the property name
   */
  public static void resolver(InputCheck check, String property) {
    check.text(property).filter(value -> !value.equals(SYSTEM_RESOLVER)).ifPresent(value -> {
      try {
        // Only its form: a Check (during a preview) sends no name to a resolver.
        HostPort.parse(property, value, DNS_PORT);
      } catch (IllegalArgumentException e) {
        check.fail(property, e.getMessage() + ", or \"" + SYSTEM_RESOLVER + "\" for the system's resolver");
      }
    });
  }

  /**
   * Checks a file of PEM certificates as the verifier reads it ({@link TrustAnchors#readPem}): a
   * file, at most {@link TrustAnchors#MAX_CA_FILE_BYTES}, with at least one certificate. The
   * bounded read keeps a Check from waiting on a device such as /dev/zero.
   *
   * @param check the check to record a failure in
   * @param property the property name
   */
  public static void pemFile(InputCheck check, String property) {
    check.text(property).ifPresent(value -> {
      try {
        TrustAnchors.readPem(Path.of(value), property);
      } catch (InvalidPathException e) {
        check.fail(property, property + " " + Excerpt.quote(value) + " is not a valid path: " + e.getReason());
      } catch (IllegalArgumentException e) {
        check.fail(property, e.getMessage());
      }
    });
  }

  /**
   * Checks an absolute http or https URL.
   *
   * @param check the check to record a failure in
   * @param property the property name
   */
  static void httpUrl(InputCheck check, String property) {
    check.text(property).ifPresent(value -> {
      boolean valid;
      try {
        URI uri = new URI(value);
        valid = ("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())) && uri.getHost() != null;
      } catch (URISyntaxException e) {
        valid = false;
      }
      if (!valid) {
        check.fail(property, property + " must be an absolute http or https URL such as https://api.example.test, got "
            + Excerpt.quote(value));
      }
    });
  }

  /**
   * Checks a domain or host name with the verifier's rules (letters, digits and hyphens in at
   * least two labels; an internationalised name becomes its A-labels), written without the
   * trailing dot of zone files.
   *
   * @param check the check to record a failure in
   * @param property the property name
   * @return the name in lower case, or empty when unset, unknown or invalid
   */
  public static Optional<String> domain(InputCheck check, String property) {
    return check.text(property).filter(value -> noTrailingDot(check, property, value)).flatMap(value -> {
      try {
        return Optional.of(DomainNames.normalize(value));
      } catch (IllegalArgumentException e) {
        check.fail(property, property + ": " + e.getMessage());
        return Optional.empty();
      }
    });
  }

  /**
   * Checks that a fully qualified name is written without the trailing dot of zone files, the
   * one form every mtasts resource and Route 53's answers are compared in.
   *
   * @param check the check to record a failure in
   * @param property the property name
   * @param name the name
   * @return true when it has no trailing dot
   */
  public static boolean noTrailingDot(InputCheck check, String property, String name) {
    if (name.length() > 1 && name.endsWith(".")) {
      check.fail(property, property + " " + Excerpt.quote(name) + " ends with a dot: write the fully qualified name"
          + " without it, e.g. " + Excerpt.head(name.substring(0, name.length() - 1)));
      return false;
    }
    return true;
  }

  /**
   * Checks a non-empty string.
   *
   * @param check the check to record a failure in
   * @param property the property name
   */
  static void nonEmpty(InputCheck check, String property) {
    check.text(property).ifPresent(value -> {
      if (value.isBlank()) {
        check.fail(property, property + " must not be empty; remove it to leave it unset");
      }
    });
  }
}
