package io.github.mtasts.policy;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * One {@code mx} line of an MTA-STS policy: a host name, or {@code *.} and a domain for every
 * host directly below it.
 *
 * <p>RFC 8461 §3.2 writes it as {@code ["*."] Domain} with Domain from RFC 5321 §4.1.2, in
 * A-label form. Values compare case-insensitively and are kept in lower case.
 */
public final class MxPattern implements Comparable<MxPattern> {
  private static final String WILDCARD_PREFIX = "*.";

  private final String text;

  private MxPattern(String text) {
    this.text = text;
  }

  /**
   * Parses a pattern: a host name, or {@code *.} followed by a domain.
   *
   * @param text the text after {@code mx:}
   * @return the pattern, or errors naming what to change
   */
  public static ParseResult<MxPattern> parse(String text) {
    List<Problem> problems = new ArrayList<>();
    String message = firstViolation(text, "mx " + Excerpt.quote(text), true);
    if (message != null) {
      problems.add(Problem.error("mx", 0, text, message));
    }
    return ParseResult.of(problems, () -> new MxPattern(text.toLowerCase(Locale.ROOT)));
  }

  /**
   * Parses a pattern that must be valid.
   *
   * @param text a host name or {@code *.} and a domain
   * @return the pattern
   * @throws InvalidInputException when the text is not a valid pattern
   */
  public static MxPattern of(String text) {
    return parse(text).orElseThrow();
  }

  /**
   * Describes why {@code host} is not an MX host name that a pattern can cover, or returns
   * empty: a Domain of RFC 5321 §4.1.2 in A-labels, as MX records name it, with an optional
   * trailing dot.
   *
   * @param host an MX host name
   * @return a sentence naming the rule the name breaks and the fix, or empty when it is valid
   */
  public static Optional<String> hostNameViolation(String host) {
    String name = host.endsWith(".") ? host.substring(0, host.length() - 1) : host;
    String quoted = "MX host " + Excerpt.quote(host);
    if (name.contains("*")) {
      return Optional.of(quoted + " contains '*': a host name has no wildcard; give the name the "
          + "MX record points to (RFC 5321 §4.1.2).");
    }
    if (name.endsWith(".")) {
      return Optional.of(quoted + " ends in two dots: write it with one trailing dot or none "
          + "(RFC 5321 §4.1.2).");
    }
    return Optional.ofNullable(firstViolation(name, quoted, false));
  }

  /**
   * Returns a sentence describing the first rule {@code text} breaks, or null when valid.
   *
   * @param quoted how messages name the text, e.g. {@code mx 'example'}
   * @param pattern whether {@code text} is a pattern (which may be a wildcard) or a host name
   */
  private static String firstViolation(String text, String quoted, boolean pattern) {
    if (text.isEmpty()) {
      return pattern
          ? "mx is empty: give a host name such as mx1.example.com or a wildcard such as "
              + "*.mail.example.com (RFC 8461 §3.2)."
          : "the MX host name is empty: give the name the MX record points to, such as "
              + "mx1.example.com (RFC 5321 §4.1.2).";
    }
    if (DomainName.looksLikeIpLiteral(text)) {
      return quoted + " is an IP address: RFC 8461 §3.2 mx patterns and MX hosts are host names, "
          + "so give the name of the MX host instead.";
    }
    boolean wildcard = pattern && text.startsWith(WILDCARD_PREFIX);
    String domain = wildcard ? text.substring(WILDCARD_PREFIX.length()) : text;
    if (!text.chars().allMatch(c -> c < 0x80)) {
      return quoted + " contains non-ASCII characters: write the domain in its A-label form"
          + aLabelHint(wildcard ? WILDCARD_PREFIX : "", domain) + " (RFC 8461 §3.2).";
    }
    if (domain.isEmpty()) {
      return quoted + " has no domain after the wildcard: write it as *.example.com "
          + "(RFC 8461 §3.2).";
    }
    if (text.endsWith(".")) {
      return quoted + " ends with a dot: remove the trailing dot, mx patterns are written without "
          + "it (RFC 8461 §3.2).";
    }
    if (domain.contains("*")) {
      return quoted + " has a misplaced '*': a wildcard may only be the whole left-most label, "
          + "as in *.example.com (RFC 8461 §3.2).";
    }
    // The one rule for domain names: LDH labels and valid IDNA2008 A-labels, at most 253 characters.
    List<String> violations = DomainName.check(domain, quoted).violations();
    if (!violations.isEmpty()) {
      return violations.get(0);
    }
    if (DomainName.endsInNumericLabel(domain)) {
      // RFC 3696 §2: a top-level domain is never all-numeric, so this is an address or a typo.
      return quoted + " ends in the all-numeric label '" + domain.substring(domain.lastIndexOf('.') + 1)
          + "', which no host name has: list the MX host's name, not an address "
          + "(RFC 8461 §3.2).";
    }
    return null;
  }

  /**
   * Suggests the A-label form of a domain with non-ASCII characters, read as a person typed it
   * ({@link DomainName#parseInput}); nothing when it is no valid IDNA2008 name.
   */
  private static String aLabelHint(String prefix, String domain) {
    return DomainName.parseInput(domain).value().map(name -> ": '" + prefix + name.ascii() + "'").orElse("");
  }

  /** Whether this is a wildcard pattern ({@code *.} and a domain). */
  public boolean isWildcard() {
    return text.startsWith(WILDCARD_PREFIX);
  }

  /**
   * Whether an MX host name is covered by this pattern.
   *
   * <p>RFC 8461 §4.1: a wildcard covers exactly one left-most label, so {@code *.example.com}
   * matches {@code mx.example.com} but neither {@code a.b.example.com} nor {@code example.com}.
   * The comparison ignores case and a trailing dot on the host name. A name that is not a host
   * name ({@link #hostNameViolation}) matches nothing: a wildcard stands for one valid label.
   *
   * @param mxHost the host name from the MX record
   * @return whether the pattern covers it
   */
  public boolean matches(String mxHost) {
    return new MxIndex(List.of(this)).covering(mxHost).contains(this);
  }

  /**
   * An MX host name as patterns compare it: in lower case, without the trailing dot; empty when it
   * is no host name ({@link #hostNameViolation}), which no pattern matches.
   */
  static Optional<String> canonicalHost(String mxHost) {
    if (hostNameViolation(mxHost).isPresent()) {
      return Optional.empty();
    }
    String host = mxHost.toLowerCase(Locale.ROOT);
    return Optional.of(host.endsWith(".") ? host.substring(0, host.length() - 1) : host);
  }

  @Override
  public int compareTo(MxPattern other) {
    return text.compareTo(other.text);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof MxPattern && ((MxPattern) o).text.equals(text);
  }

  @Override
  public int hashCode() {
    return text.hashCode();
  }

  /** The canonical, lower-case text of the pattern, as written in the policy body. */
  @Override
  public String toString() {
    return text;
  }
}
