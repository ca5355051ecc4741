package io.github.mtasts.verify;

import io.github.mtasts.policy.Mode;
import java.util.Optional;

/** How much an MX problem matters under the policy's mode (RFC 8461 §5). */
final class Enforcement {
  private Enforcement() {}

  /**
   * The severity of a failed MX validation: in enforce mode senders do not deliver to that MX
   * (an error); in testing mode they deliver and report (a warning); in none mode the policy is
   * being withdrawn (information). Without a usable policy the problem is still worth fixing
   * before one is published: a warning.
   */
  static Check.Severity forFailure(Optional<Mode> mode) {
    if (mode.isEmpty()) {
      return Check.Severity.WARNING;
    }
    switch (mode.get()) {
      case ENFORCE:
        return Check.Severity.ERROR;
      case NONE:
        return Check.Severity.INFO;
      default:
        return Check.Severity.WARNING;
    }
  }

  /** The consequence of a failed validation in this mode, appended to messages. */
  static String consequence(Optional<Mode> mode) {
    if (mode.isEmpty()) {
      return "senders that enforce a policy would not deliver to it";
    }
    switch (mode.get()) {
      case ENFORCE:
        return "in enforce mode senders do not deliver to it (RFC 8461 §5)";
      case NONE:
        return "mode none: senders ignore the policy";
      default:
        return "in testing mode senders deliver anyway and report the failure (RFC 8461 §5); "
            + "fix it before switching to enforce";
    }
  }
}
