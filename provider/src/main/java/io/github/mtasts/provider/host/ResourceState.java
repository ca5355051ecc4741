package io.github.mtasts.provider.host;

import java.util.Objects;

/**
 * A resource as a handler reports it after an operation.
 *
 * @param id the provider-assigned id; empty from a read means the resource no longer exists
 * @param inputs the inputs that produce this state (what an import adopts)
 * @param outputs the outputs
 */
public record ResourceState(String id, PropertyMap inputs, PropertyMap outputs) {

  /** Requires every part. */
  public ResourceState {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(inputs, "inputs");
    Objects.requireNonNull(outputs, "outputs");
  }
}
