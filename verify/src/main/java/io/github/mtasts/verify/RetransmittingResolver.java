package io.github.mtasts.verify;

import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.xbill.DNS.EDNSOption;
import org.xbill.DNS.Message;
import org.xbill.DNS.Resolver;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.TSIG;

/**
 * Asks DNS servers the way a stub resolver does (RFC 1035 §4.2.1, RFC 1536 §1): a UDP query
 * that gets no answer is sent again, with the wait doubling each time (1 s, 2 s, 4 s ... at
 * most a third of the timeout to start with), to the next server in turn, until one answer
 * arrives or the timeout runs out; an answer with the TC bit is asked again over TCP (RFC 7766
 * §5, done by dnsjava's {@link SimpleResolver}). A datagram lost on a busy path or dropped
 * by a server's full receive buffer then costs one retransmission, not a failed lookup.
 *
 * <p>Queries are paced: at most {@link AsyncLimit#permits()} are outstanding at once across
 * every resolver sharing the limit, the others wait their turn, so a domain with hundreds of MX
 * hosts does not send a burst that overflows the receive buffer of the resolver (or ours). The
 * timeout starts when a query is first sent, not while it waits its turn.
 *
 * <p>An error other than silence (ICMP port unreachable, a refused TCP connection) moves on to
 * the next server at once, or ends the query when every attempt is spent.
 */
final class RetransmittingResolver implements Resolver {
  private static final Duration FIRST_WAIT = Duration.ofSeconds(1);
  /**
   * The timers of retransmissions and timeouts, of every resolver: one daemon thread that only
   * sends datagrams and completes futures. (The JDK's default for delayed tasks starts a thread
   * per task on a machine of two cores.)
   */
  private static final ScheduledThreadPoolExecutor TIMERS = timers();

  private final List<InetSocketAddress> servers;
  private final AsyncLimit outstanding;
  private volatile Duration timeout;

  /**
   * @param servers the servers to ask, in order of preference (at least one)
   * @param timeout the time one query may take, retransmissions included
   * @param outstanding the limit of queries outstanding at once, shared by every resolver of a verifier
   */
  RetransmittingResolver(List<InetSocketAddress> servers, Duration timeout, AsyncLimit outstanding) {
    if (servers.isEmpty()) {
      throw new IllegalArgumentException("no DNS server to ask");
    }
    this.servers = List.copyOf(servers);
    this.outstanding = outstanding;
    this.timeout = timeout;
  }

  @Override
  public CompletionStage<Message> sendAsync(Message query) {
    return sendAsync(query, ForkJoinPool.commonPool());
  }

  @Override
  public CompletionStage<Message> sendAsync(Message query, Executor executor) {
    return outstanding.run(() -> new Exchange(query, executor, timeout).start());
  }

  /** One query: its attempts, the first answer wins. */
  private final class Exchange {
    private final Message query;
    private final Executor executor;
    private final List<Long> sendAtMillis = new ArrayList<>();
    private final CompletableFuture<Message> answer = new CompletableFuture<>();
    private final long timeoutMillis;
    private final long startNanos = System.nanoTime();
    private int sent;
    private ScheduledFuture<?> next;

    Exchange(Message query, Executor executor, Duration timeout) {
      this.query = query;
      this.executor = executor;
      this.timeoutMillis = timeout.toMillis();
      // Attempts at 0, w, 3w, 7w ... while they start before the timeout.
      long wait = Math.max(1, Math.min(FIRST_WAIT.toMillis(), timeoutMillis / 3));
      for (long at = 0; at < timeoutMillis; at += wait, wait *= 2) {
        sendAtMillis.add(at);
      }
    }

    CompletableFuture<Message> start() {
      ScheduledFuture<?> deadline = TIMERS.schedule(
          () -> answer.completeExceptionally(new TimeoutException("no answer within " + timeoutMillis + " ms")),
          timeoutMillis, TimeUnit.MILLISECONDS);
      answer.whenComplete((message, error) -> {
        deadline.cancel(false);
        cancelNext();
      });
      send(0);
      return answer;
    }

    private long elapsedMillis() {
      return (System.nanoTime() - startNanos) / 1_000_000;
    }

    private synchronized void cancelNext() {
      if (next != null) {
        next.cancel(false);
      }
    }

    /** Sends attempt {@code n} unless an answer came, or an earlier error already sent it. */
    private void send(int n) {
      synchronized (this) {
        if (answer.isDone() || n < sent) {
          return;
        }
        sent = n + 1;
        if (next != null) {
          next.cancel(false);
        }
        // Only the next attempt is scheduled, and cancelled by the answer: no timer is left
        // waiting for each query answered at once.
        next = n + 1 < sendAtMillis.size()
            ? TIMERS.schedule(() -> send(n + 1), sendAtMillis.get(n + 1) - elapsedMillis(), TimeUnit.MILLISECONDS)
            : null;
      }
      // Each attempt waits at most until the query's own timeout, so none outlives the query.
      long left = timeoutMillis - elapsedMillis();
      SimpleResolver server = new SimpleResolver(servers.get(n % servers.size()));
      server.setTimeout(Duration.ofMillis(Math.max(1, left)));
      server.sendAsync(query, executor).whenComplete((message, error) -> {
        if (error == null) {
          answer.complete(message);
          return;
        }
        Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
        if (cause instanceof SocketTimeoutException || cause instanceof TimeoutException) {
          return; // Silence: the next scheduled attempt, or the timeout, follows.
        }
        if (n + 1 < sendAtMillis.size()) {
          send(n + 1);
        } else {
          answer.completeExceptionally(cause);
        }
      });
    }
  }

  private static ScheduledThreadPoolExecutor timers() {
    ScheduledThreadPoolExecutor timers = new ScheduledThreadPoolExecutor(1, runnable -> {
      Thread thread = new Thread(runnable, "mtasts-dns-timers");
      thread.setDaemon(true);
      return thread;
    });
    timers.setRemoveOnCancelPolicy(true);
    return timers;
  }

  @Override
  public void setTimeout(Duration timeout) {
    this.timeout = timeout;
  }

  @Override
  public Duration getTimeout() {
    return timeout;
  }

  @Override
  public void setPort(int port) {
    throw new UnsupportedOperationException("each server's port is given with its address");
  }

  @Override
  public void setTCP(boolean tcp) {
    throw new UnsupportedOperationException("TCP is used when an answer is truncated");
  }

  @Override
  public void setIgnoreTruncation(boolean ignore) {
    throw new UnsupportedOperationException("truncated answers are always asked again over TCP");
  }

  @Override
  public void setEDNS(int version, int payloadSize, int flags, List<EDNSOption> options) {
    throw new UnsupportedOperationException("EDNS settings are those of dnsjava's defaults");
  }

  @Override
  public void setTSIGKey(TSIG key) {
    throw new UnsupportedOperationException("the verifier's servers share no TSIG key");
  }

  @Override
  public String toString() {
    return "resolver " + servers;
  }
}
