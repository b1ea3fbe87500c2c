package org.winnow.ingest.warc;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * The caller's stream, with its own failures marked as {@link SourceReadException} so that they
 * can be told apart from malformed content, and a count of the bytes it delivered.
 */
final class SourceStream extends FilterInputStream {
  private long bytesRead;
  private boolean atEnd;

  SourceStream(InputStream in) {
    super(in);
  }

  long bytesRead() {
    return bytesRead;
  }

  /** Whether the input has reported its end. */
  boolean atEnd() {
    return atEnd;
  }

  @Override
  public int read() throws IOException {
    int c;
    try {
      c = in.read();
    } catch (IOException e) {
      throw new SourceReadException(bytesRead, e);
    }
    if (c >= 0) {
      bytesRead++;
    } else {
      atEnd = true;
    }
    return c;
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    int n;
    try {
      n = in.read(b, off, len);
    } catch (IOException e) {
      throw new SourceReadException(bytesRead, e);
    }
    if (n > 0) {
      bytesRead += n;
    } else if (n < 0) {
      atEnd = true;
    }
    return n;
  }

  @Override
  public long skip(long n) throws IOException {
    long skipped;
    try {
      skipped = in.skip(n);
    } catch (IOException e) {
      throw new SourceReadException(bytesRead, e);
    }
    bytesRead += Math.max(0, skipped);
    return skipped;
  }

  @Override
  public int available() throws IOException {
    try {
      return in.available();
    } catch (IOException e) {
      throw new SourceReadException(bytesRead, e);
    }
  }
}
