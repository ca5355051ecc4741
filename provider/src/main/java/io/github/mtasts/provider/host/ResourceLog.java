package io.github.mtasts.provider.host;

import pulumirpc.EngineOuterClass.LogSeverity;

/**
 * Messages about one resource, shown by the engine next to that resource. Implementations mask
 * secrets before a message leaves the provider.
 */
public interface ResourceLog {

  /**
   * Sends a message.
   *
   * @param severity how the engine shows it
   * @param message the text
   * @param ephemeral true for a status line that the next one replaces (progress)
   */
  void log(LogSeverity severity, String message, boolean ephemeral);

  /**
   * Sends an informational message that stays in the output.
   *
   * @param message the text
   */
  default void info(String message) {
    log(LogSeverity.INFO, message, false);
  }

  /**
   * Sends a warning.
   *
   * @param message the text
   */
  default void warning(String message) {
    log(LogSeverity.WARNING, message, false);
  }

  /**
   * Shows progress of a long operation as a status line next to the resource.
   *
   * @param message the text
   */
  default void status(String message) {
    log(LogSeverity.INFO, message, true);
  }
}
