package io.github.mtasts.wait;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class WaiterTest {

  private final List<String> messages = new ArrayList<>();

  private WaitOptions options(Duration timeout) {
    return WaitOptions.builder().pollInterval(Duration.ofMillis(5))
        .maxPollInterval(Duration.ofMillis(20)).timeout(timeout).progress(messages::add).build();
  }

  @Test
  void pollsUntilDoneAndReportsEachNewStatusOnce() {
    AtomicInteger polls = new AtomicInteger();
    String value = Waiter.start(options(Duration.ofSeconds(10))).until("the thing", () -> {
      int n = polls.incrementAndGet();
      if (n <= 2) {
        return Waiter.Poll.pending("Queued");
      }
      return n <= 4 ? Waiter.Poll.pending("InProgress") : Waiter.Poll.done("ready");
    });

    assertEquals("ready", value);
    assertEquals(5, polls.get());
    assertEquals(3, messages.size(), messages.toString());
    assertTrue(messages.get(0).startsWith("waiting for the thing: Queued"), messages.get(0));
    assertTrue(messages.get(1).startsWith("waiting for the thing: InProgress"), messages.get(1));
    assertTrue(messages.get(2).startsWith("the thing: done after"), messages.get(2));
  }

  @Test
  void doneAtOnceReportsNothing() {
    assertEquals("x", Waiter.start(options(Duration.ofSeconds(1)))
        .until("the thing", () -> Waiter.Poll.done("x")));
    assertEquals(List.of(), messages);
  }

  @Test
  void timesOutWithTheLastStatus() {
    WaitTimeoutException timeout = assertThrows(WaitTimeoutException.class,
        () -> Waiter.start(options(Duration.ofMillis(100)))
            .until("the thing", () -> Waiter.Poll.pending("InProgress")));

    assertEquals("the thing", timeout.subject());
    assertEquals("InProgress", timeout.lastStatus());
    assertTrue(timeout.waited().compareTo(Duration.ofMillis(100)) >= 0, timeout.waited().toString());
  }

  @Test
  void oneDeadlineCoversEveryWaitOfAnOperation() {
    Waiter waiter = Waiter.start(options(Duration.ofMillis(1200)));
    long start = System.nanoTime();
    waiter.until("first", () -> System.nanoTime() - start >= Duration.ofMillis(1000).toNanos()
        ? Waiter.Poll.done(1) : Waiter.Poll.pending("busy"));
    long second = System.nanoTime();

    WaitTimeoutException timeout = assertThrows(WaitTimeoutException.class,
        () -> waiter.until("second", () -> Waiter.Poll.pending("busy")));

    // The second wait had only what the first left of the budget, not a budget of its own.
    assertTrue(Duration.ofNanos(System.nanoTime() - second).compareTo(Duration.ofMillis(1100)) < 0);
    assertTrue(timeout.waited().compareTo(Duration.ofMillis(1200)) >= 0);
  }

  @Test
  void anInterruptEndsTheWait() {
    Thread.currentThread().interrupt();
    WaitCancelledException cancelled = assertThrows(WaitCancelledException.class,
        () -> Waiter.start(options(Duration.ofSeconds(10)))
            .until("the thing", () -> Waiter.Poll.pending("InProgress")));

    assertTrue(Thread.interrupted(), "the interrupt flag is kept");
    assertTrue(cancelled.getMessage().contains("cancelled"), cancelled.getMessage());
  }

  @Test
  void aPauseLongerThanWhatIsLeftDoesNotSleep() {
    Waiter waiter = Waiter.start(options(Duration.ofSeconds(2)));
    assertFalse(waiter.pause(Duration.ofHours(1)));
    assertTrue(waiter.pause(Duration.ofMillis(1)));
  }

  @Test
  void aGraceHasABudgetOfItsOwnAndTheSameProgress() {
    Waiter spent = Waiter.start(options(Duration.ofMillis(1)));
    assertThrows(WaitTimeoutException.class, () -> spent.until("first", () -> Waiter.Poll.pending("busy")));
    assertEquals(2, spent.grace(Duration.ofSeconds(5)).until("second", new Waiter.Probe<Integer>() {
      private int polls;

      @Override
      public Waiter.Poll<Integer> poll() {
        return ++polls < 2 ? Waiter.Poll.pending("busy") : Waiter.Poll.done(polls);
      }
    }));
    assertTrue(messages.stream().anyMatch(m -> m.startsWith("second: done after")), messages.toString());
  }

  @Test
  void aHintJoinsTheTimeoutMessage() {
    WaitTimeoutException timeout = new WaitTimeoutException("the certificate", "bad_authz", Duration.ofSeconds(3), "");
    WaitTimeoutException hinted = timeout.withHint("the CNAME record is missing");
    assertEquals("bad_authz", hinted.lastStatus());
    assertTrue(hinted.getMessage().endsWith("; the CNAME record is missing"), hinted.getMessage());
    assertTrue(timeout.getMessage().contains("run the operation again to resume waiting"), timeout.getMessage());
  }

  @Test
  void badOptionsNameTheField() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> WaitOptions.builder().timeout(Duration.ZERO));
    assertTrue(e.getMessage().startsWith("timeout: "), e.getMessage());
    assertTrue(assertThrows(IllegalArgumentException.class,
        () -> WaitOptions.builder().pollInterval(Duration.ofSeconds(5))
            .maxPollInterval(Duration.ofSeconds(1)).build()).getMessage().startsWith("maxPollInterval: "));
  }
}
