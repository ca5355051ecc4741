package io.github.mtasts.reports;

import java.io.IOException;

/**
 * Thrown while reading untrusted input that grows past a {@link Limits} bound. The caller must
 * reject the whole input: what was read so far is incomplete.
 */
public final class LimitExceededException extends IOException {
  /**
   * Creates the exception.
   *
   * @param message which bound was passed, as a sentence
   */
  public LimitExceededException(String message) {
    super(message);
  }
}
