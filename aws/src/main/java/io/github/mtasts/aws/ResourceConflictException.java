package io.github.mtasts.aws;

/**
 * An AWS resource this operation needs to create or change exists but is not this package's
 * to take over: an S3 bucket name owned by another account or holding other objects, an
 * alternate domain name already used by another CloudFront distribution.
 *
 * <p>What a caller must do: show the message (it names the resource and the way out) and stop;
 * retrying does not help until the user picks another name or frees the existing resource.
 * Nothing of the conflicting resource was changed.
 */
public final class ResourceConflictException extends AwsOperationException {

  ResourceConflictException(String message, String errorCode, Throwable cause) {
    super(message, errorCode, cause);
  }
}
