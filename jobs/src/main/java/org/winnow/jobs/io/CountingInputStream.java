package org.winnow.jobs.io;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.function.LongConsumer;

/**
 * Reports the bytes read from the wrapped stream in batches, so a job can show its progress
 * through compressed input (and an ETA) while records are still being decoded.
 */
public final class CountingInputStream extends FilterInputStream {
  private static final long REPORT_EVERY = 256 * 1024;

  private final LongConsumer sink;
  private long unreported;

  /** @param sink receives byte counts; called from the reading thread only */
  public CountingInputStream(InputStream in, LongConsumer sink) {
    super(in);
    this.sink = sink;
  }

  @Override
  public int read() throws IOException {
    int b = super.read();
    if (b >= 0) {
      count(1);
    }
    return b;
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    int n = super.read(b, off, len);
    if (n > 0) {
      count(n);
    }
    return n;
  }

  @Override
  public long skip(long n) throws IOException {
    long skipped = super.skip(n);
    count(skipped);
    return skipped;
  }

  /** Marks would make re-read bytes count twice. */
  @Override
  public boolean markSupported() {
    return false;
  }

  @Override
  public void close() throws IOException {
    flush();
    super.close();
  }

  /** Reports what has not been reported yet. */
  public void flush() {
    if (unreported > 0) {
      sink.accept(unreported);
      unreported = 0;
    }
  }

  private void count(long n) {
    unreported += n;
    if (unreported >= REPORT_EVERY) {
      flush();
    }
  }
}
