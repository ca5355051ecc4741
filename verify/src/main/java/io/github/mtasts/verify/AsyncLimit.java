package io.github.mtasts.verify;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * At most a fixed number of asynchronous tasks running at once; the others wait their turn in
 * order. A task holds its place from its start until the future it returned completes, so the
 * bound holds for work that runs on other threads or on the network. Waiting takes no thread.
 */
final class AsyncLimit {
  /** The starts waiting on this thread while it runs another (see startOnThisThread). */
  private static final ThreadLocal<Deque<Runnable>> STARTS = new ThreadLocal<>();

  private final int permits;
  private final Deque<Runnable> waiting = new ArrayDeque<>();
  private int running;

  /**
   * @param permits how many tasks may run at once, at least 1
   */
  AsyncLimit(int permits) {
    if (permits < 1) {
      throw new IllegalArgumentException("permits " + permits + " must be at least 1");
    }
    this.permits = permits;
  }

  /** How many tasks may run at once. */
  int permits() {
    return permits;
  }

  /**
   * Starts {@code task} now if a place is free, else when one frees up.
   *
   * @param task starts the work and returns its future; called at most once, never while a lock
   *     is held
   * @return completes as the task's future does (exceptionally if the task throws)
   */
  <T> CompletableFuture<T> run(Supplier<? extends CompletableFuture<T>> task) {
    CompletableFuture<T> result = new CompletableFuture<>();
    Runnable start = () -> {
      CompletableFuture<T> work;
      try {
        work = task.get();
      } catch (RuntimeException | Error e) {
        work = CompletableFuture.failedFuture(e);
      }
      work.whenComplete((value, error) -> {
        release();
        if (error != null) {
          result.completeExceptionally(error);
        } else {
          result.complete(value);
        }
      });
    };
    boolean now;
    synchronized (this) {
      now = running < permits;
      if (now) {
        running++;
      } else {
        waiting.add(start);
      }
    }
    if (now) {
      startOnThisThread(start);
    }
    return result;
  }

  /** Hands the place to the next waiting task, or frees it. */
  private void release() {
    Runnable next;
    synchronized (this) {
      next = waiting.poll();
      if (next == null) {
        running--;
      }
    }
    if (next != null) {
      startOnThisThread(next);
    }
  }

  /**
   * Runs a start, and the starts it frees by completing at once, one after another rather than
   * nested: a long queue of tasks that complete immediately does not grow the stack.
   */
  private static void startOnThisThread(Runnable start) {
    Deque<Runnable> pending = STARTS.get();
    if (pending != null) {
      pending.add(start);
      return;
    }
    pending = new ArrayDeque<>();
    STARTS.set(pending);
    try {
      for (Runnable next = start; next != null; next = pending.poll()) {
        next.run();
      }
    } finally {
      STARTS.remove();
    }
  }
}
