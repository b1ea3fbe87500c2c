package org.winnow.jobs.export;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * A file written through a little-endian buffer: the byte order of NumPy's {@code <} types that
 * Megatron and llm.c read. Tracks the bytes written and can patch a value written earlier.
 */
final class LittleEndianOutput implements Closeable {
  private final FileChannel channel;
  private final ByteBuffer buffer =
      ByteBuffer.allocateDirect(1 << 20).order(ByteOrder.LITTLE_ENDIAN);
  private long written;

  LittleEndianOutput(Path file) throws IOException {
    channel = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
  }

  void bytes(byte[] b) throws IOException {
    for (byte x : b) {
      room(1);
      buffer.put(x);
    }
  }

  void u8(int v) throws IOException {
    room(1);
    buffer.put((byte) v);
  }

  void u16(int v) throws IOException {
    room(2);
    buffer.putShort((short) v);
  }

  void i32(int v) throws IOException {
    room(4);
    buffer.putInt(v);
  }

  void i64(long v) throws IOException {
    room(8);
    buffer.putLong(v);
  }

  /** Bytes written so far, buffered ones included. */
  long position() {
    return written + buffer.position();
  }

  /** Overwrites the int32 at {@code offset} (already flushed or not). */
  void patchI32(long offset, int v) throws IOException {
    flush();
    ByteBuffer b = ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(v).flip();
    while (b.hasRemaining()) {
      channel.write(b, offset + b.position());
    }
  }

  private void room(int n) throws IOException {
    if (buffer.remaining() < n) {
      flush();
    }
  }

  private void flush() throws IOException {
    buffer.flip();
    while (buffer.hasRemaining()) {
      written += channel.write(buffer);
    }
    buffer.clear();
  }

  @Override
  public void close() throws IOException {
    try {
      flush();
    } finally {
      channel.close();
    }
  }
}
