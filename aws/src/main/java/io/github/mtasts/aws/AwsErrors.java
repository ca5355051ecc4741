package io.github.mtasts.aws;

import java.util.Set;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;

/** Reads AWS error codes and turns SDK exceptions into this package's exceptions. */
final class AwsErrors {

  private static final Set<String> ACCESS_DENIED =
      Set.of("AccessDenied", "AccessDeniedException", "UnauthorizedOperation");

  private AwsErrors() {}

  /** Returns the AWS error code of the exception, or "" when it carries none. */
  static String code(SdkException e) {
    if (e instanceof AwsServiceException service && service.awsErrorDetails() != null
        && service.awsErrorDetails().errorCode() != null) {
      return service.awsErrorDetails().errorCode();
    }
    return "";
  }

  /**
   * Returns the AWS error code a failure of an operation carries, or null: a wait that ran out
   * carries none.
   */
  static String code(RuntimeException failure) {
    return failure instanceof AwsOperationException aws ? aws.errorCode().orElse(null) : null;
  }

  /** Returns whether the exception carries one of these AWS error codes. */
  static boolean hasCode(SdkException e, String... codes) {
    String code = code(e);
    for (String candidate : codes) {
      if (candidate.equals(code)) {
        return true;
      }
    }
    return false;
  }

  /** Returns AWS's message for the exception without the SDK's request-id suffix. */
  static String message(SdkException e) {
    if (e instanceof AwsServiceException service && service.awsErrorDetails() != null
        && service.awsErrorDetails().errorMessage() != null) {
      return service.awsErrorDetails().errorMessage();
    }
    return e.getMessage();
  }

  /**
   * Wraps a failure of one AWS call in an exception that names the operation, AWS's error code
   * and message, and what to do for the common causes.
   */
  static AwsOperationException failure(String operation, SdkException e) {
    String code = code(e);
    StringBuilder text = new StringBuilder(operation).append(" failed: ");
    if (e instanceof AwsServiceException service) {
      text.append(code.isEmpty() ? "HTTP " + service.statusCode() : code).append(": ")
          .append(message(e));
      if (service.requestId() != null) {
        text.append(" (request id ").append(service.requestId()).append(')');
      }
      if (ACCESS_DENIED.contains(code)) {
        text.append("; the AWS credentials in use lack the permission for this call: grant it"
            + " in IAM or use other credentials");
      }
    } else {
      // Client-side: no credentials, no region, network down or endpoint wrong.
      text.append(e.getMessage())
          .append("; check the AWS credentials, the network and the endpoint setting");
    }
    return new AwsOperationException(text.toString(), code.isEmpty() ? null : code, e);
  }
}
