package io.github.mtasts.reports;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Splits an mbox file (RFC 4155) into its messages, as a stream: each message starts with a
 * {@code From } line at the start of the file or after an empty line; {@code >From } lines of the
 * body lose one {@code >} (the mboxrd quoting). A message larger than the limit is passed over
 * without being kept in memory.
 */
final class Mbox {
  private static final byte[] FROM = {'F', 'r', 'o', 'm', ' '};
  private static final int MAX_LINE = 8192;

  /** Receives the messages of an mbox in order. */
  interface Handler {
    /**
     * One message.
     *
     * @param number its position in the file, from 1
     * @param message its bytes, or null when it was larger than the limit
     * @throws IOException when the handler fails to read it
     */
    void message(int number, byte[] message) throws IOException;
  }

  private final InputStream in;
  private final long maxMessageBytes;
  private final byte[] line = new byte[MAX_LINE];
  private int lineLength;

  private Mbox(InputStream in, long maxMessageBytes) {
    this.in = in;
    this.maxMessageBytes = maxMessageBytes;
  }

  /**
   * Reads every message.
   *
   * @param in the mbox file, buffered by the caller
   * @param maxMessageBytes the largest message kept
   * @param handler receives each message
   * @throws IOException when the file cannot be read or the handler fails
   */
  static void split(InputStream in, long maxMessageBytes, Handler handler) throws IOException {
    new Mbox(in, maxMessageBytes).run(handler);
  }

  /** Whether bytes begin as an mbox file does: with a {@code From } line. */
  static boolean looksLikeMbox(byte[] head, int length) {
    return length >= FROM.length && Arrays.equals(head, 0, FROM.length, FROM, 0, FROM.length);
  }

  private void run(Handler handler) throws IOException {
    ByteArrayOutputStream message = null;
    boolean oversized = false;
    boolean previousBlank = true;
    boolean lineStart = true;
    int number = 0;
    while (readLine()) {
      boolean separator = lineStart && previousBlank && startsWith(0, FROM);
      if (separator) {
        if (number > 0) {
          deliver(handler, number, message, oversized);
        }
        number++;
        message = new ByteArrayOutputStream();
        oversized = false;
      } else if (message != null && !oversized) {
        int from = lineStart && isQuotedFrom() ? 1 : 0;
        if (message.size() + lineLength - from > maxMessageBytes) {
          oversized = true;
          message = new ByteArrayOutputStream();
        } else {
          message.write(line, from, lineLength - from);
        }
      }
      boolean ended = lineLength > 0 && line[lineLength - 1] == '\n';
      if (ended) {
        previousBlank = lineStart && (lineLength == 1 || (lineLength == 2 && line[0] == '\r'));
      }
      lineStart = ended;
    }
    if (number > 0) {
      deliver(handler, number, message, oversized);
    }
  }

  private static void deliver(Handler handler, int number, ByteArrayOutputStream message,
      boolean oversized) throws IOException {
    handler.message(number, oversized ? null : message.toByteArray());
  }

  /** Reads up to a line end or {@link #MAX_LINE} bytes; false at the end of the input. */
  private boolean readLine() throws IOException {
    lineLength = 0;
    int b;
    while (lineLength < MAX_LINE && (b = in.read()) >= 0) {
      line[lineLength++] = (byte) b;
      if (b == '\n') {
        break;
      }
    }
    return lineLength > 0;
  }

  private boolean isQuotedFrom() {
    int i = 0;
    while (i < lineLength && line[i] == '>') {
      i++;
    }
    return i > 0 && startsWith(i, FROM);
  }

  private boolean startsWith(int offset, byte[] prefix) {
    return lineLength - offset >= prefix.length
        && Arrays.equals(line, offset, offset + prefix.length, prefix, 0, prefix.length);
  }
}
