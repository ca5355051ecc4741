package io.github.mtasts.aws;

/**
 * Receives human-readable progress messages from long AWS operations (waiting for a DNS change
 * to propagate, a certificate to be issued, a CloudFront distribution to deploy).
 *
 * <p>The resource provider routes these to the Pulumi engine log; the messages never contain
 * credentials. Implementations must be cheap and must not throw.
 */
@FunctionalInterface
public interface Progress {

  /** Discards every message. */
  Progress NONE = message -> {};

  /**
   * Reports one message, for example {@code "CloudFront distribution E2ABC is InProgress (40 s)"}.
   *
   * @param message a complete sentence fragment without a trailing newline
   */
  void report(String message);
}
