package io.github.mtasts.wait;

/**
 * A wait ended because its thread was interrupted: the caller cancelled the operation (for
 * Pulumi: the engine's {@code Cancel}). The interrupt flag stays set.
 *
 * <p>What a caller must do: stop. The service keeps any change it was already asked for; running
 * the operation again reads what exists and continues from there.
 */
public final class WaitCancelledException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  WaitCancelledException(InterruptedException cause) {
    super("cancelled while waiting; the service keeps any change already asked for: run the"
        + " operation again", cause);
  }
}
