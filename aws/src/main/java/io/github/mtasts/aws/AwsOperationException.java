package io.github.mtasts.aws;

import java.util.Optional;

/**
 * An AWS operation failed after the SDK's retries of throttling and server errors were used
 * up, or AWS refused it for a reason that retrying does not fix.
 *
 * <p>What a caller must do: report {@link #getMessage()} to the user (it names the operation,
 * the AWS error code and AWS's own message, never credentials) and stop the current operation.
 * Nothing has been rolled back; every operation in this package can be run again with the same
 * input and continues from what already exists. Subclasses describe failures that need a
 * specific reaction.
 */
public class AwsOperationException extends RuntimeException {

  private final String errorCode;

  /**
   * Creates an exception for a failed operation.
   *
   * @param message what failed and what to do, complete for a person
   * @param errorCode the AWS error code (e.g. {@code InvalidChangeBatch}), or null when none
   * @param cause the underlying SDK exception, or null
   */
  public AwsOperationException(String message, String errorCode, Throwable cause) {
    super(message, cause);
    this.errorCode = errorCode;
  }

  /**
   * Returns the AWS error code of the failure, when AWS returned one.
   *
   * @return the error code, such as {@code AccessDenied}
   */
  public Optional<String> errorCode() {
    return Optional.ofNullable(errorCode);
  }
}
