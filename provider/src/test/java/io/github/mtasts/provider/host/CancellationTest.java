package io.github.mtasts.provider.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The engine's Cancel reaching work that waits in a library's own sleep. */
class CancellationTest {

  /** Sleeps the way a library's polling loop does, failing like one when interrupted. */
  private static String poll(CountDownLatch started) {
    started.countDown();
    try {
      Thread.sleep(60_000);
      return "done";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting", e);
    }
  }

  @Test
  void cancelInterruptsTheWorkAndLeavesNoInterruptBehind() throws Exception {
    Cancellation cancellation = new Cancellation();
    CountDownLatch started = new CountDownLatch(1);
    CompletableFuture<Boolean> interruptedAfterwards = new CompletableFuture<>();
    CompletableFuture<String> work = CompletableFuture.supplyAsync(() -> {
      try {
        return cancellation.interruptibly("the wait", () -> poll(started));
      } finally {
        interruptedAfterwards.complete(Thread.currentThread().isInterrupted());
      }
    });
    assertTrue(started.await(10, TimeUnit.SECONDS));
    long cancelledAt = System.nanoTime();
    cancellation.cancel();
    ExecutionException failure = assertThrows(ExecutionException.class, () -> work.get(10, TimeUnit.SECONDS));
    assertInstanceOf(CancellationException.class, failure.getCause());
    assertTrue(failure.getCause().getMessage().startsWith("the wait was cancelled"), failure.getCause().getMessage());
    assertTrue(TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - cancelledAt) < 5, "stops at once");
    assertFalse(interruptedAfterwards.get(), "the pool thread is not left interrupted");
  }

  @Test
  void workAfterCancelDoesNotStartAndWorkThatFinishedKeepsItsResult() {
    Cancellation cancellation = new Cancellation();
    assertEquals("made", cancellation.interruptibly("the creation", () -> "made"));
    cancellation.cancel();
    assertThrows(CancellationException.class, () -> cancellation.interruptibly("the next", () -> "never"));
  }

  @Test
  void aPartialStateSurvivesACancellation() {
    Cancellation cancellation = new Cancellation();
    ResourceInitFailedException partial = new ResourceInitFailedException("stopped",
        new ResourceState("id", PropertyMap.empty(), PropertyMap.empty()));
    assertSame(partial, assertThrows(ResourceInitFailedException.class, () -> cancellation.interruptibly("the creation", () -> {
      cancellation.cancel();
      throw partial;
    })));
  }
}
