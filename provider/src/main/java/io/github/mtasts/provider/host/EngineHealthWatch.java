package io.github.mtasts.provider.host;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.health.v1.HealthCheckRequest;
import io.grpc.health.v1.HealthGrpc;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Stops the plugin when the engine that started it is gone, so no provider outlives a crashed
 * or killed {@code pulumi} command: it polls the engine's gRPC health service, and an answer
 * of UNIMPLEMENTED counts as alive (the engine only has to answer).
 */
public final class EngineHealthWatch implements AutoCloseable {

  /** How often to ask; tests shorten it with the system property {@value #INTERVAL_PROPERTY}. */
  static final Duration DEFAULT_INTERVAL = Duration.ofMinutes(1);

  public static final String INTERVAL_PROPERTY = "mtasts.provider.engineHealthIntervalMillis";

  /** How long one check may take: a connection refused answers at once, a busy engine may not. */
  private static final Duration CHECK_DEADLINE = Duration.ofSeconds(10);

  private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
    Thread thread = new Thread(runnable, "engine-health");
    thread.setDaemon(true);
    return thread;
  });

  /**
   * Starts watching.
   *
   * @param engine the connection to the engine
   * @param interval the time between two checks
   * @param onEngineGone what to do once the engine does not answer
   */
  public EngineHealthWatch(EngineConnection engine, Duration interval, Runnable onEngineGone) {
    timer.scheduleWithFixedDelay(() -> {
      if (!alive(engine)) {
        onEngineGone.run();
        timer.shutdown();
      }
    }, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
  }

  /**
   * The interval from the system property, else the default.
   *
   * @return the interval
   */
  public static Duration configuredInterval() {
    String millis = System.getProperty(INTERVAL_PROPERTY);
    return millis == null ? DEFAULT_INTERVAL : Duration.ofMillis(Long.parseLong(millis));
  }

  private static boolean alive(EngineConnection engine) {
    return engine.channel().map(channel -> {
      try {
        HealthGrpc.newBlockingStub(channel)
            .withDeadlineAfter(CHECK_DEADLINE.toMillis(), TimeUnit.MILLISECONDS)
            .check(HealthCheckRequest.getDefaultInstance());
        return true;
      } catch (StatusRuntimeException e) {
        return e.getStatus().getCode() == Status.Code.UNIMPLEMENTED;
      }
    }).orElse(true); // no engine address yet: nothing to watch
  }

  @Override
  public void close() {
    timer.shutdownNow();
  }
}
