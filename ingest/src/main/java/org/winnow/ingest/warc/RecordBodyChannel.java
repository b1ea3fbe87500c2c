package org.winnow.ingest.warc;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ReadableByteChannel;
import org.netpreserve.jwarc.LengthedBody;
import org.netpreserve.jwarc.MessageBody;

/**
 * A record's block as the decoding steps read it. Every failure of the WARC stream underneath,
 * and a block that ends before its Content-Length, surfaces as {@link WarcBodyException}, so a
 * cut file is never mistaken for a malformed HTTP message.
 */
final class RecordBodyChannel implements ReadableByteChannel {
  private final MessageBody body;
  private long allowance = Long.MAX_VALUE;

  RecordBodyChannel(MessageBody body) {
    this.body = body;
  }

  /**
   * Fails reads past the next {@code bytes} bytes until {@link #unlimit()}: jwarc's HTTP parser
   * keeps a header in memory whatever its length, so a parse runs under a cap.
   */
  void limit(long bytes) {
    allowance = bytes;
  }

  void unlimit() {
    allowance = Long.MAX_VALUE;
  }

  @Override
  public int read(ByteBuffer dst) throws IOException {
    if (allowance <= 0 && dst.hasRemaining()) {
      throw new IOException("more than the allowed bytes read while parsing the HTTP header");
    }
    int n;
    int limit = dst.limit();
    try {
      if (dst.remaining() > allowance) {
        dst.limit(dst.position() + (int) allowance);
      }
      n = body.read(dst);
    } catch (IOException | RuntimeException e) {
      throw new WarcBodyException("record block unreadable: " + e, e);
    } finally {
      dst.limit(limit);
    }
    if (n > 0 && allowance != Long.MAX_VALUE) {
      allowance -= n;
    }
    if (n < 0 && body.position() < body.size()) {
      throw new WarcBodyException(
          "record block ends after " + body.position() + " of " + body.size() + " bytes",
          new EOFException());
    }
    return n;
  }

  /**
   * The rest of the block as a jwarc body, which jwarc's HTTP parser needs to know where the
   * message ends when it has no Content-Length.
   */
  MessageBody asMessageBody() throws IOException {
    ByteBuffer empty = ByteBuffer.allocate(8192);
    empty.flip();
    return LengthedBody.create(this, empty, body.size() - body.position());
  }

  /** Reads the block to its end, which proves the record complete. */
  void drain() throws WarcBodyException {
    ByteBuffer buf = ByteBuffer.allocate(8192);
    try {
      while (read(buf) >= 0) {
        buf.clear();
      }
    } catch (WarcBodyException e) {
      throw e;
    } catch (IOException e) {
      throw new WarcBodyException("record block unreadable: " + e, e);
    }
  }

  @Override
  public boolean isOpen() {
    return body.isOpen();
  }

  @Override
  public void close() {
    // The reader owns the block; it is consumed and closed when the next record is read.
  }
}
