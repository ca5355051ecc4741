package io.github.mtasts.provider.host;

import java.util.Objects;

/**
 * A create or update that stopped part way, after making something: the engine must record what
 * exists, or the next deployment would start over beside it (or never delete it). The provider
 * reports it as the protocol's {@code ErrorResourceInitFailed} with the partial state; the
 * engine stores that state, fails this deployment with the message, and on the next deployment
 * calls Update with the partial state, which completes the resource.
 */
public final class ResourceInitFailedException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** Holds the state; not serialised with the exception. */
  private final transient ResourceState partial;

  /**
   * A failure with the state reached.
   *
   * @param message what failed and what to do
   * @param partial the id and outputs of what exists (inputs as the operation received them)
   */
  public ResourceInitFailedException(String message, ResourceState partial) {
    super(message);
    this.partial = Objects.requireNonNull(partial, "partial");
  }

  /**
   * The state reached before the failure.
   *
   * @return the id, inputs and outputs of what exists
   */
  public ResourceState partial() {
    return partial;
  }
}
