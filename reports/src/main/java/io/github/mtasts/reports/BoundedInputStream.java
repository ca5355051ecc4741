package io.github.mtasts.reports;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/** An input stream that throws {@link LimitExceededException} once more than a limit is read. */
final class BoundedInputStream extends FilterInputStream {
  private final long limit;
  private final String what;
  private long count;

  /**
   * Wraps a stream.
   *
   * @param in the stream
   * @param limit the most bytes that may be read
   * @param what names the content in the message, for example "the decompressed report"
   */
  BoundedInputStream(InputStream in, long limit, String what) {
    super(in);
    this.limit = limit;
    this.what = what;
  }

  @Override
  public int read() throws IOException {
    int b = super.read();
    if (b >= 0) {
      advance(1);
    }
    return b;
  }

  @Override
  public int read(byte[] buffer, int offset, int length) throws IOException {
    // Reading one byte past the limit is how an input that ends exactly at it is told apart.
    int n = super.read(buffer, offset, (int) Math.min(length, limit - count + 1));
    if (n > 0) {
      advance(n);
    }
    return n;
  }

  @Override
  public long skip(long n) throws IOException {
    long skipped = super.skip(Math.min(n, limit - count + 1));
    advance(skipped);
    return skipped;
  }

  private void advance(long n) throws LimitExceededException {
    count += n;
    if (count > limit) {
      throw new LimitExceededException(what + " is larger than " + limit + " bytes");
    }
  }

  @Override
  public boolean markSupported() {
    return false;
  }
}
