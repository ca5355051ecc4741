package io.github.mtasts.provider.host;

import io.github.mtasts.wait.WaitOptions;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * What a resource operation knows besides its inputs.
 *
 * @param urn the resource's URN
 * @param preview true in a preview: change nothing, return unknowns for what is not known yet
 * @param timeout the time the engine is prepared to wait (the customTimeouts option), if set
 * @param log messages for the user about this resource
 * @param config the provider's configuration
 * @param cancellation the engine's request to stop
 */
public record OperationContext(
    String urn,
    boolean preview,
    Optional<Duration> timeout,
    ResourceLog log,
    ProviderConfig config,
    Cancellation cancellation) {

  /** Requires every part. */
  public OperationContext {
    Objects.requireNonNull(urn, "urn");
    Objects.requireNonNull(timeout, "timeout");
    Objects.requireNonNull(log, "log");
    Objects.requireNonNull(config, "config");
    Objects.requireNonNull(cancellation, "cancellation");
  }

  /**
   * The resource's name, the last part of its URN.
   *
   * @return the name
   */
  public String name() {
    return Urns.name(urn);
  }

  /**
   * The options of the waits of this operation: one time budget for all of them, and their
   * progress reported as the resource's status line (what {@code pulumi up} shows beside it).
   *
   * @param budget how long the operation's waits may take together
   * @return a builder, for a cloud's own settings (such as its poll interval)
   */
  public WaitOptions.Builder waitOptions(Duration budget) {
    return WaitOptions.builder().timeout(budget).progress(message -> log.status(message));
  }
}
