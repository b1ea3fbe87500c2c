package org.winnow.ingest.warc;

import java.io.IOException;
import java.io.InputStream;

/** Serves bytes, then fails the way a dropped connection does; remembers being closed. */
final class FailingStream extends InputStream {
  private final byte[] bytes;
  private final int failAt;
  private int pos;
  boolean closed;

  FailingStream(byte[] bytes, int failAt) {
    this.bytes = bytes;
    this.failAt = failAt;
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    if (len == 0) {
      return 0;
    }
    if (pos >= failAt) {
      throw new IOException("disk on fire at byte " + pos);
    }
    if (pos >= bytes.length) {
      return -1;
    }
    int n = Math.min(len, Math.min(failAt, bytes.length) - pos);
    System.arraycopy(bytes, pos, b, off, n);
    pos += n;
    return n;
  }

  @Override
  public int read() throws IOException {
    byte[] one = new byte[1];
    return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
  }

  @Override
  public void close() {
    closed = true;
  }
}
