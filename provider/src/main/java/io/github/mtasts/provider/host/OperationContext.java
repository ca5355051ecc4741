package io.github.mtasts.provider.host;

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
   * How a user adopts an existing thing as this resource, for a message that refuses to
   * overwrite it.
   *
   * @param token the resource's type token
   * @param id the import id of the existing thing
   * @return the {@code pulumi import} command (with {@code --parent} for a resource that has a
   *     parent, such as a component's child) and the import option
   */
  public String importCommand(String token, String id) {
    return "pulumi import " + token + " " + name() + " " + id
        + (Urns.hasParent(urn) ? " --parent <URN of its parent>" : "")
        + " (or give the resource the import option \"" + id + "\")";
  }
}
