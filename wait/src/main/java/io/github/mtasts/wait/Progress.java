package io.github.mtasts.wait;

/**
 * Receives human-readable progress messages from long operations: waiting for a DNS change to
 * propagate, a certificate to be issued, a CloudFront distribution to deploy, a rate limit to
 * reset.
 *
 * <p>The resource provider routes these to the Pulumi engine log; the messages never contain
 * credentials. Implementations must be cheap and must not throw.
 */
@FunctionalInterface
public interface Progress {

  /** Discards every message. */
  Progress NONE = message -> { };

  /**
   * Reports one message, for example {@code "waiting for the HTTPS certificate of
   * mta-sts.example.com: authorization_pending (40 s)"}.
   *
   * @param message a complete sentence fragment without a trailing newline
   */
  void report(String message);
}
