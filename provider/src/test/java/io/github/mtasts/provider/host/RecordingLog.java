package io.github.mtasts.provider.host;

import java.util.ArrayList;
import java.util.List;
import pulumirpc.EngineOuterClass.LogSeverity;

/** A {@link ResourceLog} that keeps what it is sent, for in-process tests of handlers. */
public final class RecordingLog implements ResourceLog {

  /**
   * One message.
   *
   * @param severity how the engine would show it
   * @param message the text
   * @param ephemeral whether it is a status line
   */
  public record Entry(LogSeverity severity, String message, boolean ephemeral) {}

  private final List<Entry> entries = new ArrayList<>();

  @Override
  public synchronized void log(LogSeverity severity, String message, boolean ephemeral) {
    entries.add(new Entry(severity, message, ephemeral));
  }

  public synchronized List<Entry> entries() {
    return List.copyOf(entries);
  }

  /** A context for an operation on a resource, with this log. */
  public OperationContext context(String urn, boolean preview) {
    return new OperationContext(urn, preview, java.util.Optional.empty(), this, ProviderConfig.empty(), new Cancellation());
  }
}
