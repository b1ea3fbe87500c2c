package org.winnow.ingest.warc;

import java.io.ByteArrayOutputStream;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * Compression bombs built in milliseconds: one gzip member of any size of zeros, made by
 * repeating one fully flushed deflate chunk (a full flush resets the dictionary, so the chunk
 * decodes the same wherever it stands).
 */
final class Bombs {
  private static final int CHUNK = 1 << 20;

  private Bombs() {}

  /** A single gzip member that decompresses to {@code mebibytes} MiB of zeros. */
  static byte[] gzipZeros(int mebibytes) {
    byte[] zeros = new byte[CHUNK];
    Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION, true);
    deflater.setInput(zeros);
    byte[] buf = new byte[64 * 1024];
    ByteArrayOutputStream chunk = new ByteArrayOutputStream();
    int n;
    while ((n = deflater.deflate(buf, 0, buf.length, Deflater.FULL_FLUSH)) > 0) {
      chunk.write(buf, 0, n);
      if (deflater.needsInput() && n < buf.length) {
        break;
      }
    }
    deflater.setInput(new byte[0]);
    deflater.finish();
    ByteArrayOutputStream tail = new ByteArrayOutputStream();
    while (!deflater.finished()) {
      n = deflater.deflate(buf);
      tail.write(buf, 0, n);
    }
    deflater.end();

    CRC32 crc = new CRC32();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(new byte[] {0x1f, (byte) 0x8b, 8, 0, 0, 0, 0, 0, 0, (byte) 0xff});
    byte[] c = chunk.toByteArray();
    for (int i = 0; i < mebibytes; i++) {
      out.writeBytes(c);
      crc.update(zeros);
    }
    out.writeBytes(tail.toByteArray());
    long size = (long) mebibytes * CHUNK;
    writeIntLe(out, (int) crc.getValue());
    writeIntLe(out, (int) size);
    return out.toByteArray();
  }

  private static void writeIntLe(ByteArrayOutputStream out, int v) {
    out.write(v);
    out.write(v >>> 8);
    out.write(v >>> 16);
    out.write(v >>> 24);
  }
}
