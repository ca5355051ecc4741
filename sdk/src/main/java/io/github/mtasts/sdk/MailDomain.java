package io.github.mtasts.sdk;

import io.github.mtasts.policy.DomainName;
import io.github.mtasts.policy.ParseResult;
import io.github.mtasts.policy.Problem;
import java.util.List;

/** Checks the mail domain of {@link MtaStsArgs} with the policy core's one domain name rule. */
final class MailDomain {
  private MailDomain() {}

  /**
   * Checks a mail domain: IDNA2008, at least two labels, no IP address ({@link
   * DomainName#parseMailDomain}).
   *
   * @param domain the domain as given, or null
   * @param problems receives an error when the domain is missing or invalid
   * @return the domain in A-label form, lower case, or null when it is invalid
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
    ParseResult<DomainName> parsed = DomainName.parseMailDomain(domain);
    if (!parsed.isValid()) {
      problems.add(error(domain, "MtaStsArgs.domain: " + parsed.errors().get(0).message()));
      return null;
    }
    return parsed.value().orElseThrow().ascii();
  }

  private static Problem error(String text, String message) {
    return Problem.error("domain", 0, text, message);
  }
}
