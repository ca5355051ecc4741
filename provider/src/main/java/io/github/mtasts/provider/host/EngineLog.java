package io.github.mtasts.provider.host;

import io.grpc.StatusRuntimeException;
import java.util.concurrent.TimeUnit;
import pulumirpc.EngineGrpc;
import pulumirpc.EngineOuterClass.LogRequest;
import pulumirpc.EngineOuterClass.LogSeverity;

/**
 * Sends messages to the user through the engine's {@code Engine.Log} service: the only channel
 * a provider has to the console (its stdout carries the port; its stderr is for crashes).
 *
 * <p>Every message is redacted with the secrets of the operation and of the provider's
 * configuration before it is sent. A message the engine cannot take is dropped: logging never
 * fails an operation.
 */
final class EngineLog {

  private static final long SEND_DEADLINE_SECONDS = 10;

  private final EngineConnection engine;

  EngineLog(EngineConnection engine) {
    this.engine = engine;
  }

  /**
   * A log for one resource.
   *
   * @param urn the resource's URN, which the engine uses to place the message
   * @param secrets the secrets to mask in every message
   * @return the log
   */
  ResourceLog forResource(String urn, Secrets secrets) {
    return (severity, message, ephemeral) -> send(severity, urn, secrets.redact(message), ephemeral);
  }

  private void send(LogSeverity severity, String urn, String message, boolean ephemeral) {
    engine.channel().ifPresent(channel -> {
      try {
        EngineGrpc.newBlockingStub(channel)
            .withDeadlineAfter(SEND_DEADLINE_SECONDS, TimeUnit.SECONDS)
            .log(LogRequest.newBuilder()
                .setSeverity(severity)
                .setUrn(urn)
                .setMessage(message)
                .setEphemeral(ephemeral)
                .build());
      } catch (StatusRuntimeException e) {
        // The engine is gone or busy; the operation's result still reaches it.
      }
    });
  }
}
