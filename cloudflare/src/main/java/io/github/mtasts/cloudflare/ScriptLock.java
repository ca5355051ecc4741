package io.github.mtasts.cloudflare;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * One read-modify-write of a Worker script at a time, so that no domain's body is lost when
 * several declarations change one shared script at once.
 *
 * <p>Cloudflare offers no conditional upload: a {@code PUT} of a script replaces it whole
 * (worker-script-upload-worker-module), so two writers that each read the script, add their own
 * body and upload would leave only the last one's. The writers of one deployment all run on one
 * machine (the Pulumi engine starts a plugin process per provider, all on the machine that runs
 * the deployment), so this lock holds within this process (one lock per script) and between the
 * processes of this machine (an exclusive lock on a file named after the API, the account and
 * the script, in the temporary directory). Writers on other machines at the same moment are not
 * covered.
 */
final class ScriptLock {

  private static final ConcurrentHashMap<String, ReentrantLock> LOCKS = new ConcurrentHashMap<>();
  /** How often a lock held by another process is tried again. */
  private static final Duration POLL = Duration.ofMillis(50);

  private ScriptLock() {}

  /**
   * Runs work while holding the lock of a script.
   *
   * @param settings the API and account the script belongs to
   * @param script the script name
   * @param budget the operation's time budget, which the wait for the lock uses up too
   * @param work the read-modify-write
   * @param <T> its result
   * @return its result
   * @throws CloudflareTimeoutException when the lock is not had within the budget
   */
  static <T> T holding(CloudflareSettings settings, String script, TimeBudget budget, Supplier<T> work) {
    String key = settings.baseUrl() + "\n" + settings.accountId().orElse("") + "\n" + script;
    ReentrantLock lock = LOCKS.computeIfAbsent(key, k -> new ReentrantLock());
    try {
      if (!lock.tryLock(budget.remaining().toMillis(), TimeUnit.MILLISECONDS)) {
        throw busy(script, budget);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw cancelled(script, e);
    }
    try (FileChannel file = FileChannel.open(file(key), StandardOpenOption.CREATE,
        StandardOpenOption.WRITE)) {
      FileLock held = acquire(file, script, budget);
      try {
        return work.get();
      } finally {
        held.release();
      }
    } catch (IOException e) {
      throw new CloudflareException("the change of Worker " + script + " could not take the lock"
          + " that keeps two changes of one script apart (" + e.getMessage() + "): check that the"
          + " temporary directory " + System.getProperty("java.io.tmpdir") + " is writable, then"
          + " run again", 0, List.of(), e);
    } finally {
      lock.unlock();
    }
  }

  private static FileLock acquire(FileChannel file, String script, TimeBudget budget) throws IOException {
    while (true) {
      FileLock held = file.tryLock();
      if (held != null) {
        return held;
      }
      if (budget.remaining().compareTo(POLL) <= 0) {
        throw busy(script, budget);
      }
      try {
        Thread.sleep(POLL.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw cancelled(script, e);
      }
    }
  }

  /** The lock file: one per API, account and script; the name holds no part of them in clear. */
  private static Path file(String key) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
      return Path.of(System.getProperty("java.io.tmpdir"),
          "mtasts-worker-" + HexFormat.of().formatHex(digest, 0, 16) + ".lock");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }

  private static CloudflareTimeoutException busy(String script, TimeBudget budget) {
    return new CloudflareTimeoutException("Worker " + script + " was being changed by another"
        + " operation for all of the " + budget.total().toSeconds() + " s this one had: run it"
        + " again once that one has ended", 0, List.of(), null);
  }

  private static CloudflareTimeoutException cancelled(String script, InterruptedException e) {
    return new CloudflareTimeoutException("the change of Worker " + script + " was cancelled"
        + " while waiting for another change of it to end: run it again", 0, List.of(), e);
  }
}
