package org.winnow.ingest.http;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * The bytes of a stream, read up to a limit and never further, so a huge or endless payload costs
 * at most {@code limit + 1} bytes of memory.
 *
 * @param bytes      what was read: at most {@code limit + 1} bytes
 * @param overLimit  the stream holds more than {@code limit} bytes ({@code bytes} is then cut)
 * @param endedEarly the stream ended with an {@link EOFException} (a truncated chunked or
 *                   compressed stream); {@code bytes} holds what came before
 */
public record BoundedRead(byte[] bytes, boolean overLimit, boolean endedEarly) {
  private static final int FIRST_BUFFER = 16 * 1024;

  /**
   * Reads {@code in} until its end or until more than {@code limit} bytes were read.
   *
   * @throws IOException any failure of {@code in} other than an early end
   */
  public static BoundedRead of(InputStream in, long limit) throws IOException {
    int cap = (int) Math.min(limit + 1, Integer.MAX_VALUE - 16);
    byte[] buf = new byte[Math.min(FIRST_BUFFER, cap)];
    int n = 0;
    boolean endedEarly = false;
    try {
      while (n < cap) {
        if (n == buf.length) {
          buf = Arrays.copyOf(buf, (int) Math.min((long) buf.length * 2, cap));
        }
        int r = in.read(buf, n, buf.length - n);
        if (r < 0) {
          break;
        }
        n += r;
      }
    } catch (EOFException e) {
      endedEarly = true;
    }
    return new BoundedRead(n == buf.length ? buf : Arrays.copyOf(buf, n), n > limit, endedEarly);
  }
}
