package io.github.mtasts.verify;

import io.github.mtasts.policy.DomainName;

/** Checks and normalises the mail domain names the verifier is given. */
public final class DomainNames {
  private DomainNames() {}

  /**
   * Returns the domain in the form the verifier uses: its A-labels in lower case, without a
   * trailing dot. The rule is the policy core's IDNA2008 one for mail domains ({@link
   * DomainName#parseMailDomain}): an internationalised name becomes its IDNA2008 A-labels
   * ({@code straße.de} is {@code xn--strae-oqa.de}); upper case is folded, and fullwidth forms,
   * invisible and control characters are refused rather than mapped, so that the domain verified
   * is the one shown.
   *
   * @param domain the domain as a person typed it; surrounding whitespace is ignored
   * @return the normalised domain
   * @throws IllegalArgumentException naming the value, what is wrong with it and the fix
   */
  public static String normalize(String domain) {
    if (domain == null || domain.isBlank()) {
      throw new IllegalArgumentException("domain is empty: give a mail domain such as example.com");
    }
    // InvalidInputException is an IllegalArgumentException whose message joins the problems'.
    return DomainName.parseMailDomain(domain.strip()).orElseThrow().ascii();
  }
}
