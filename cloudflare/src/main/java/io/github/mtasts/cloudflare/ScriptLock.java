package io.github.mtasts.cloudflare;

import io.github.mtasts.wait.WaitCancelledException;
import io.github.mtasts.wait.Waiter;
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
  /** How often a lock held by another operation (of this process or another) is tried again. */
  private static final Duration POLL = Duration.ofMillis(50);

  private ScriptLock() {}

  /**
   * Runs work while holding the lock of a script.
   *
   * @param settings the API and account the script belongs to
   * @param script the script name
   * @param waiter the clock of the operation, whose deadline the wait for the lock shares
   * @param work the read-modify-write
   * @param <T> its result
   * @return its result
   * @throws CloudflareTimeoutException when the lock is not had before the waiter's deadline
   * @throws WaitCancelledException when the operation is cancelled while waiting for the lock
   */
  static <T> T holding(CloudflareSettings settings, String script, Waiter waiter, Supplier<T> work) {
    String key = settings.baseUrl() + "\n" + settings.accountId().orElse("") + "\n" + script;
    ReentrantLock lock = LOCKS.computeIfAbsent(key, k -> new ReentrantLock());
    boolean locked = false;
    try (FileChannel file = FileChannel.open(file(key), StandardOpenOption.CREATE,
        StandardOpenOption.WRITE)) {
      take(() -> lock.tryLock() ? lock : null, script, waiter);
      locked = true;
      FileLock held = take(file::tryLock, script, waiter);
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
      if (locked) {
        lock.unlock();
      }
    }
  }

  /** One try at a lock: the lock when had, null when another holds it. */
  @FunctionalInterface
  private interface Attempt<L> {
    L tryOnce() throws IOException;
  }

  /** Tries a lock every {@link #POLL}, pausing through the waiter, until it is had. */
  private static <L> L take(Attempt<L> attempt, String script, Waiter waiter) throws IOException {
    while (true) {
      L held = attempt.tryOnce();
      if (held != null) {
        return held;
      }
      if (!waiter.pause(POLL)) {
        throw new CloudflareTimeoutException("Worker " + script + " was being changed by"
            + " another operation for all of the " + waiter.elapsed().toSeconds() + " s this one"
            + " could wait: run it again once that one has ended, or with a longer timeout", 0,
            List.of(), null);
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
}
