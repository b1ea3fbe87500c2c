package org.winnow.jobs.export;

import it.unimi.dsi.fastutil.ints.IntArrayList;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * Megatron-LM's indexed dataset ({@code megatron/core/datasets/indexed_dataset.py}), which NeMo
 * reads too: {@code <prefix>.bin} holds the tokens of every document back to back, and
 * {@code <prefix>.idx} holds the header {@code MMIDIDX\0\0}, version 1 (uint64), the dtype code
 * (uint8), the sequence count and the document-index count (uint64), then each sequence's length
 * (int32), each sequence's byte offset into the .bin (int64), and the document indices (int64,
 * {@code 0} then the sequence count after each document). One document is one sequence.
 */
final class MegatronIndexedWriter implements DocumentSink {
  static final byte[] HEADER = "MMIDIDX\0\0".getBytes(StandardCharsets.US_ASCII);
  static final long VERSION = 1;
  /** Megatron's {@code DType} codes. */
  static final int UINT16 = 8;
  static final int INT32 = 4;
  /** Megatron's {@code DType.optimal_dtype}: uint16 below this many ids, int32 from it on. */
  static final int UINT16_BELOW = 65_500;

  private final Path idx;
  private final LittleEndianOutput bin;
  private final int dtype;
  private final IntArrayList lengths = new IntArrayList();

  /** Creates {@code <prefix>.bin} now and {@code <prefix>.idx} on close. */
  MegatronIndexedWriter(Path prefix, int vocabSize) throws IOException {
    this.idx = Path.of(prefix + ".idx");
    this.dtype = vocabSize < UINT16_BELOW ? UINT16 : INT32;
    this.bin = new LittleEndianOutput(Path.of(prefix + ".bin"));
  }

  @Override
  public void document(int[] tokens, int from, int to) throws IOException {
    for (int i = from; i < to; i++) {
      if (dtype == UINT16) {
        bin.u16(tokens[i]);
      } else {
        bin.i32(tokens[i]);
      }
    }
    lengths.add(to - from);
  }

  @Override
  public void close() throws IOException {
    bin.close();
    int itemSize = dtype == UINT16 ? 2 : 4;
    int n = lengths.size();
    try (LittleEndianOutput out = new LittleEndianOutput(idx)) {
      out.bytes(HEADER);
      out.i64(VERSION);
      out.u8(dtype);
      out.i64(n);
      out.i64(n + 1L);
      for (int i = 0; i < n; i++) {
        out.i32(lengths.getInt(i));
      }
      long pointer = 0;
      for (int i = 0; i < n; i++) {
        out.i64(pointer);
        pointer += (long) lengths.getInt(i) * itemSize;
      }
      for (long d = 0; d <= n; d++) {
        out.i64(d);
      }
    }
  }
}
