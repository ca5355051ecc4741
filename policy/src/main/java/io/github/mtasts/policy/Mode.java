package io.github.mtasts.policy;

import java.util.List;
import java.util.Locale;

/** The {@code mode} of an MTA-STS policy: what a sender does when an MX fails validation. */
public enum Mode {
  /** Senders refuse to deliver to an MX that fails MTA-STS validation. */
  ENFORCE,
  /** Senders deliver anyway and report failures through TLS-RPT. */
  TESTING,
  /** Senders treat the domain as having no active policy. */
  NONE;

  /** The token written in the policy body: {@code enforce}, {@code testing} or {@code none}. */
  public String token() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * Parses a mode token.
   *
   * @param token the text after {@code mode:}
   * @return the mode, or an error naming the accepted tokens
   */
  public static ParseResult<Mode> parse(String token) {
    for (Mode mode : values()) {
      // RFC 8461 §3.2: sts-policy-mode-value = %s"testing" / %s"enforce" / %s"none" (case-sensitive)
      if (mode.token().equals(token)) {
        return ParseResult.of(List.of(), () -> mode);
      }
    }
    String hint = "";
    for (Mode mode : values()) {
      if (mode.token().equalsIgnoreCase(token)) {
        hint = " Modes are case-sensitive: write '" + mode.token() + "'.";
      }
    }
    Problem error =
        Problem.error(
            "mode",
            0,
            token,
            "mode " + Excerpt.quote(token) + " is not one of enforce, testing or none (RFC 8461 §3.2)."
                + hint);
    return ParseResult.of(List.of(error), () -> null);
  }
}
