package io.github.mtasts.program;

import com.pulumi.exceptions.RunException;
import java.util.List;

/**
 * The stack configuration of {@link MtaStsProgram} is missing keys or has invalid values. A
 * {@link RunException}, so the engine shows the message alone, without a stack trace.
 */
public final class InvalidConfigException extends RunException {
  private static final long serialVersionUID = 1L;

  private final List<String> errors;

  /**
   * Creates the exception.
   *
   * @param errors one sentence per key, naming the key, the value and the fix
   */
  public InvalidConfigException(List<String> errors) {
    super("the stack configuration is invalid:\n  " + String.join("\n  ", errors));
    this.errors = List.copyOf(errors);
  }

  /**
   * Returns what is wrong, one sentence per key.
   *
   * @return the errors
   */
  public List<String> errors() {
    return errors;
  }
}
