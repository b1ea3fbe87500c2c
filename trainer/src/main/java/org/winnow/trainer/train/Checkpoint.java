package org.winnow.trainer.train;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.zip.CRC32;
import org.winnow.trainer.model.GptConfig;

/**
 * A training run's state in the binary layout that {@code trainer/README.md} documents
 * (little-endian; no Java serialization): model shape, step, tokens seen, the run's seed (the CPU
 * step draws no random numbers, so the seed is the whole random state), the loader's state, the
 * tokenizer hash, parameters and both AdamW moments in fp32, and a CRC-32 of everything before it.
 */
public record Checkpoint(GptConfig config, long step, long tokensSeen, long seed,
    String loaderState, String tokenizerSha256, float[] params, float[] m, float[] v) {

  static final byte[] MAGIC = "WNWCKPT1".getBytes(StandardCharsets.US_ASCII);
  static final int VERSION = 1;
  private static final int CHUNK = 1 << 20;

  /** Writes to {@code file} atomically (a temporary file moved into place). */
  public void write(Path file) throws IOException {
    Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
    try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE,
        StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE)) {
      Writer w = new Writer(ch);
      w.buf.put(MAGIC);
      w.buf.putInt(VERSION);
      w.buf.putInt(config.nLayer()).putInt(config.nHead()).putInt(config.nEmbd())
          .putInt(config.context()).putInt(config.vocab());
      w.buf.putLong(step).putLong(tokensSeen).putLong(seed);
      w.string(tokenizerSha256);
      w.string(loaderState);
      w.buf.putInt(params.length);
      w.floats(params);
      w.floats(m);
      w.floats(v);
      w.finish();
      ch.force(true);
    }
    Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
  }

  /**
   * Reads a checkpoint.
   *
   * @throws IOException naming the file and what is wrong: magic, version, truncation, checksum
   */
  public static Checkpoint read(Path file) throws IOException {
    long size = Files.size(file);
    if (size > Integer.MAX_VALUE) {
      return readLarge(file);
    }
    ByteBuffer all = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);
    return parse(all, file.toString());
  }

  private static Checkpoint readLarge(Path file) throws IOException {
    throw new IOException(file + ": checkpoints over 2 GiB are not supported by this reader");
  }

  private static Checkpoint parse(ByteBuffer b, String where) throws IOException {
    try {
      if (b.remaining() < MAGIC.length + 8) {
        throw new IOException(where + ": truncated checkpoint (" + b.remaining() + " bytes)");
      }
      CRC32 crc = new CRC32();
      ByteBuffer body = b.duplicate().order(ByteOrder.LITTLE_ENDIAN);
      body.limit(b.limit() - 8);
      crc.update(body.duplicate());
      long stored = b.getLong(b.limit() - 8);
      byte[] magic = new byte[MAGIC.length];
      body.get(magic);
      if (!java.util.Arrays.equals(magic, MAGIC)) {
        throw new IOException(where + ": not a Winnow checkpoint (bad magic)");
      }
      if (crc.getValue() != stored) {
        throw new IOException(where + ": checksum mismatch: the checkpoint is truncated or "
            + "corrupt");
      }
      int version = body.getInt();
      if (version != VERSION) {
        throw new IOException(where + ": checkpoint version " + version + ", this build reads "
            + VERSION);
      }
      GptConfig config = new GptConfig(body.getInt(), body.getInt(), body.getInt(),
          body.getInt(), body.getInt());
      long step = body.getLong();
      long tokens = body.getLong();
      long seed = body.getLong();
      String sha = string(body, where);
      String loader = string(body, where);
      int n = body.getInt();
      if (n < 0 || (long) n * 12 != body.remaining()) {
        throw new IOException(where + ": " + n + " parameters do not match the "
            + body.remaining() + " bytes that follow");
      }
      float[] p = new float[n];
      float[] m = new float[n];
      float[] v = new float[n];
      body.asFloatBuffer().get(p);
      body.position(body.position() + 4 * n);
      body.asFloatBuffer().get(m);
      body.position(body.position() + 4 * n);
      body.asFloatBuffer().get(v);
      return new Checkpoint(config, step, tokens, seed, loader, sha, p, m, v);
    } catch (java.nio.BufferUnderflowException | IllegalArgumentException e) {
      throw new IOException(where + ": malformed checkpoint: " + e, e);
    }
  }

  private static String string(ByteBuffer b, String where) throws IOException {
    int len = b.getInt();
    if (len < 0 || len > b.remaining()) {
      throw new IOException(where + ": string of " + len + " bytes at offset "
          + (b.position() - 4) + " runs past the end");
    }
    byte[] s = new byte[len];
    b.get(s);
    return new String(s, StandardCharsets.UTF_8);
  }

  /** Buffers writes and keeps the running CRC. */
  private static final class Writer {
    final FileChannel ch;
    final ByteBuffer buf = ByteBuffer.allocate(CHUNK).order(ByteOrder.LITTLE_ENDIAN);
    final CRC32 crc = new CRC32();

    Writer(FileChannel ch) {
      this.ch = ch;
    }

    void string(String s) throws IOException {
      byte[] b = s.getBytes(StandardCharsets.UTF_8);
      room(4 + b.length);
      buf.putInt(b.length);
      buf.put(b);
    }

    void floats(float[] a) throws IOException {
      int i = 0;
      while (i < a.length) {
        room(4);
        int n = Math.min(a.length - i, buf.remaining() / 4);
        buf.asFloatBuffer().put(a, i, n);
        buf.position(buf.position() + 4 * n);
        i += n;
      }
    }

    void room(int bytes) throws IOException {
      if (buf.remaining() < bytes) {
        flush();
      }
      if (buf.remaining() < bytes) {
        throw new IOException("record of " + bytes + " bytes exceeds the write buffer");
      }
    }

    void flush() throws IOException {
      buf.flip();
      crc.update(buf.duplicate());
      while (buf.hasRemaining()) {
        ch.write(buf);
      }
      buf.clear();
    }

    void finish() throws IOException {
      flush();
      buf.putLong(crc.getValue());
      buf.flip();
      while (buf.hasRemaining()) {
        ch.write(buf);
      }
    }
  }
}
