package org.winnow.loader.store;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.apache.parquet.io.InputFile;
import org.apache.parquet.io.SeekableInputStream;

/**
 * A local file for Parquet, read through a {@link FileChannel} with positional bulk reads.
 * Parquet's {@code LocalInputFile} reads single bytes straight from a {@code RandomAccessFile}
 * and copies every buffer twice, which dominates the cost of opening a shard.
 */
final class ChannelInputFile implements InputFile {
  private static final int BUFFER = 8192;

  private final Path path;

  ChannelInputFile(Path path) {
    this.path = path;
  }

  @Override
  public long getLength() throws IOException {
    try (FileChannel ch = FileChannel.open(path, StandardOpenOption.READ)) {
      return ch.size();
    }
  }

  @Override
  public SeekableInputStream newStream() throws IOException {
    return new Stream(FileChannel.open(path, StandardOpenOption.READ));
  }

  @Override
  public String toString() {
    return path.toString();
  }

  private static final class Stream extends SeekableInputStream {
    private final FileChannel channel;
    private final ByteBuffer buffer = ByteBuffer.allocate(BUFFER);
    private long bufferStart;
    private long pos;

    Stream(FileChannel channel) {
      this.channel = channel;
      buffer.limit(0);
    }

    @Override
    public long getPos() {
      return pos;
    }

    @Override
    public void seek(long newPos) {
      pos = newPos;
    }

    @Override
    public int read() throws IOException {
      if (pos < bufferStart || pos >= bufferStart + buffer.limit()) {
        buffer.clear();
        bufferStart = pos;
        int n = channel.read(buffer, pos);
        buffer.flip();
        if (n <= 0) {
          buffer.limit(0);
          return -1;
        }
      }
      return buffer.get((int) (pos++ - bufferStart)) & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      if (len == 0) {
        return 0;
      }
      int n = channel.read(ByteBuffer.wrap(b, off, len), pos);
      if (n > 0) {
        pos += n;
      }
      return n;
    }

    @Override
    public void readFully(byte[] bytes) throws IOException {
      readFully(ByteBuffer.wrap(bytes));
    }

    @Override
    public void readFully(byte[] bytes, int start, int len) throws IOException {
      readFully(ByteBuffer.wrap(bytes, start, len));
    }

    @Override
    public int read(ByteBuffer buf) throws IOException {
      int n = channel.read(buf, pos);
      if (n > 0) {
        pos += n;
      }
      return n;
    }

    @Override
    public void readFully(ByteBuffer buf) throws IOException {
      while (buf.hasRemaining()) {
        int n = channel.read(buf, pos);
        if (n < 0) {
          throw new EOFException("reached the end of the file with " + buf.remaining()
              + " bytes still to read");
        }
        pos += n;
      }
    }

    @Override
    public void close() throws IOException {
      channel.close();
    }
  }
}
