package io.github.mtasts.cloudflare;

/**
 * A call that must not be sent twice blindly may or may not have taken effect: the connection
 * broke after the request was sent, or Cloudflare answered with a server error. The caller looks
 * at the state before it tries again.
 */
final class AmbiguousOutcomeException extends RuntimeException {

  AmbiguousOutcomeException(String message, Throwable cause) {
    super(message, cause);
  }
}
