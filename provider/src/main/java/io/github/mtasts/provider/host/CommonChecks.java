package io.github.mtasts.provider.host;

import io.github.mtasts.verify.DomainNames;
import io.github.mtasts.verify.VerifyOptions;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
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
        VerifyOptions.parseHostPort(property, value, DNS_PORT);
      } catch (IllegalArgumentException e) {
        check.fail(property, e.getMessage() + ", or \"" + SYSTEM_RESOLVER + "\" for the system's resolver");
      }
    });
  }

  /**
   * Checks a file of PEM certificates: readable, with at least one certificate.
   *
   * @param check the check to record a failure in
   * @param property the property name
   */
  public static void pemFile(InputCheck check, String property) {
    check.text(property).ifPresent(value -> pemProblem(value).ifPresent(problem ->
        check.fail(property, property + " must name a readable file of PEM certificates: " + problem)));
  }

  private static Optional<String> pemProblem(String file) {
    Path path;
    try {
      path = Path.of(file);
    } catch (InvalidPathException e) {
      return Optional.of("\"" + file + "\" is not a valid path");
    }
    if (!Files.isReadable(path) || Files.isDirectory(path)) {
      return Optional.of("\"" + file + "\" does not exist or cannot be read");
    }
    try (InputStream in = Files.newInputStream(path)) {
      if (CertificateFactory.getInstance("X.509").generateCertificates(in).isEmpty()) {
        return Optional.of("\"" + file + "\" holds no certificate");
      }
      return Optional.empty();
    } catch (IOException | CertificateException e) {
      return Optional.of("\"" + file + "\" holds no valid PEM certificate (" + e.getMessage() + ")");
    }
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
        check.fail(property, property + " must be an absolute http or https URL such as https://api.example.test, got \"" + value + "\"");
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
      check.fail(property, property + " \"" + name + "\" ends with a dot: write the fully qualified name without it, e.g. "
          + name.substring(0, name.length() - 1));
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
