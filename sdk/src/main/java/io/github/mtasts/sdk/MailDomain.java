package io.github.mtasts.sdk;

import io.github.mtasts.policy.MxPattern;
import io.github.mtasts.policy.Problem;
import java.util.List;
import java.util.Locale;

/** Checks the mail domain of {@link MtaStsArgs} with the policy core's host name rules. */
final class MailDomain {
  private MailDomain() {}

  /**
   * Checks a mail domain.
   *
   * @param domain the domain as given, or null
   * @param problems receives an error when the domain is missing or invalid
   * @return the domain in lower case, or null when it is invalid
   */
  static String check(String domain, List<Problem> problems) {
    if (domain == null || domain.isBlank()) {
      problems.add(error(domain == null ? "" : domain, "MtaStsArgs.domain is required: give the"
          + " mail domain whose policy this is, such as example.com."));
      return null;
    }
    if (domain.startsWith("*")) {
      problems.add(error(domain, "MtaStsArgs.domain: '" + domain + "' is a wildcard: give one"
          + " mail domain, such as example.com; declare one MtaSts per domain."));
      return null;
    }
    // A mail domain is a host name in A-label form, the same grammar as a non-wildcard MX pattern
    // (RFC 8461 §3.2 and RFC 5321 §4.1.2); reuse its checks and speak of the domain.
    List<Problem> hostProblems = MxPattern.parse(domain).errors();
    if (!hostProblems.isEmpty()) {
      String message = hostProblems.get(0).message()
          .replace("mx '" + domain + "'", "'" + domain + "'")
          .replace("mx patterns are", "domain names are");
      problems.add(error(domain, "MtaStsArgs.domain: " + message));
      return null;
    }
    if (!domain.contains(".")) {
      problems.add(error(domain, "MtaStsArgs.domain: '" + domain + "' has a single label: give"
          + " the full mail domain, such as example.com."));
      return null;
    }
    return domain.toLowerCase(Locale.ROOT);
  }

  private static Problem error(String text, String message) {
    return Problem.error("domain", 0, text, message);
  }
}
