package io.github.mtasts.policy;

import java.util.Objects;

/**
 * One finding of a parser or a lint rule.
 *
 * <p>The message is a complete sentence that names the field, the value and the fix, so that
 * it can be shown on its own (for example by a Pulumi Check failure). Both the text and the
 * message stay small whatever the input: values are quoted through {@link Excerpt}, and a field
 * or text longer than {@link Excerpt#MAX_CHARS} characters is kept as its start.
 *
 * @param severity whether the finding makes the input invalid
 * @param field the field the finding is about (for example {@code max_age}, {@code id},
 *     {@code rua}), or {@code line}, {@code body} or {@code record} for whole-line findings
 * @param line the 1-based line (policy body) or record number (TXT RRset), 0 when not applicable
 * @param text the offending text as written, or an excerpt of it ({@link Excerpt#around} at the
 *     position the message names, or its start)
 * @param message what is wrong and how to fix it
 */
public record Problem(Severity severity, String field, int line, String text, String message) {

  /** Checks that every component is present, and keeps the start of a long field or text. */
  public Problem {
    Objects.requireNonNull(severity, "severity");
    field = Excerpt.head(Objects.requireNonNull(field, "field"));
    text = Excerpt.head(Objects.requireNonNull(text, "text"));
    Objects.requireNonNull(message, "message");
    if (line < 0) {
      throw new IllegalArgumentException("line must be 0 or positive, not " + line);
    }
  }

  /**
   * Creates an error.
   *
   * @param field the field concerned
   * @param line the 1-based line, or 0
   * @param text the offending text
   * @param message what is wrong and how to fix it
   * @return the error
   */
  public static Problem error(String field, int line, String text, String message) {
    return new Problem(Severity.ERROR, field, line, text, message);
  }

  /**
   * Creates a warning.
   *
   * @param field the field concerned
   * @param line the 1-based line, or 0
   * @param text the offending text
   * @param message what is probably wrong and how to change it
   * @return the warning
   */
  public static Problem warning(String field, int line, String text, String message) {
    return new Problem(Severity.WARNING, field, line, text, message);
  }

  /**
   * Returns this problem placed on another line.
   *
   * @param newLine the 1-based line, or 0
   * @return a copy with {@code line} replaced
   */
  public Problem atLine(int newLine) {
    return new Problem(severity, field, newLine, text, message);
  }

  /** Whether this problem is an error. */
  public boolean isError() {
    return severity == Severity.ERROR;
  }
}
