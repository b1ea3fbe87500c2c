package org.winnow.loader.shard;

import java.util.Arrays;

/**
 * Repetition or definition levels as Parquet's RLE / bit-packed hybrid, written as RLE runs only.
 * A token column's levels are long runs (one 0 then {@code n - 1} ones per document; the maximum
 * for every present token), so each document costs a few bytes whatever its length.
 */
final class LevelRuns {
  private byte[] bytes = new byte[256];
  private int length;
  private int value = -1;
  private long run;

  /** Appends {@code count} copies of {@code level} (at most 255: levels fit one byte). */
  void add(int level, int count) {
    if (level == value) {
      run += count;
      return;
    }
    endRun();
    value = level;
    run = count;
  }

  /** The encoded runs so far (a copy); the encoder is then empty. */
  byte[] finish() {
    endRun();
    byte[] out = Arrays.copyOf(bytes, length);
    length = 0;
    value = -1;
    return out;
  }

  private void endRun() {
    if (run == 0) {
      return;
    }
    if (length + 11 > bytes.length) {
      bytes = Arrays.copyOf(bytes, bytes.length * 2);
    }
    // An RLE run: a varint header (count << 1) and the value in ceil(width / 8) = 1 byte.
    long header = run << 1;
    while ((header & ~0x7FL) != 0) {
      bytes[length++] = (byte) ((header & 0x7F) | 0x80);
      header >>>= 7;
    }
    bytes[length++] = (byte) header;
    bytes[length++] = (byte) value;
    run = 0;
  }
}
