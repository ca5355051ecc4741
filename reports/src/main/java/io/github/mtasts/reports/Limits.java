package io.github.mtasts.reports;

/**
 * Bounds on untrusted input: whatever a report, a message or an archive claims, no more than this
 * is read, decompressed or nested before the input is rejected.
 *
 * <p>Real reports are small: a large sender's daily report on a busy domain is tens of
 * kilobytes. The defaults leave a wide margin above that and keep the memory one input can take
 * to a few tens of megabytes.
 *
 * @param maxReportBytes the largest report JSON, after decompression
 * @param maxMessageBytes the largest e-mail message or HTTP body, as received (compressed)
 * @param maxZipEntries the most entries read from one zip archive
 * @param maxDepth the deepest nesting of JSON arrays and objects
 */
public record Limits(long maxReportBytes, long maxMessageBytes, int maxZipEntries, int maxDepth) {
  /** 8 MiB of JSON, 16 MiB messages, 100 zip entries, nesting 32 deep. */
  public static final Limits DEFAULT = new Limits(8L << 20, 16L << 20, 100, 32);

  /** Checks that every bound is positive. */
  public Limits {
    if (maxReportBytes < 1 || maxMessageBytes < 1 || maxZipEntries < 1 || maxDepth < 8) {
      throw new IllegalArgumentException("limits must be positive (and maxDepth at least 8, the "
          + "depth of a report): " + maxReportBytes + ", " + maxMessageBytes + ", "
          + maxZipEntries + ", " + maxDepth);
    }
  }

  /**
   * Returns these limits with another message size.
   *
   * @param bytes the largest message or HTTP body
   * @return the new limits
   */
  public Limits withMaxMessageBytes(long bytes) {
    return new Limits(maxReportBytes, bytes, maxZipEntries, maxDepth);
  }
}
