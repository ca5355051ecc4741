package io.github.mtasts.policy;

/** How serious a {@link Problem} is. */
public enum Severity {
  /** The input breaks RFC 8461 or RFC 8460: a sender would reject it. */
  ERROR,
  /** The input is valid but probably not what its author wants. */
  WARNING
}
