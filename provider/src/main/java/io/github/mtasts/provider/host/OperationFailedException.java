package io.github.mtasts.provider.host;

/**
 * A resource operation that ran and failed for a reason the user must act on (for example a
 * verification that found errors). The engine shows the message and fails the deployment.
 */
public final class OperationFailedException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /**
   * A failure with its explanation.
   *
   * @param message what failed and what to fix
   */
  public OperationFailedException(String message) {
    super(message);
  }
}
