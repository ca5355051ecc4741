package io.github.mtasts.github;

/**
 * Receives human-readable progress messages from long GitHub operations: waiting for a Pages
 * certificate to be issued, or for a rate limit to reset.
 *
 * <p>The resource provider routes these to the Pulumi engine log; the messages never contain the
 * token. Implementations must be cheap and must not throw.
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
