package org.winnow.loader.shard;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.SplittableRandom;
import org.apache.parquet.bytes.HeapByteBufferAllocator;
import org.apache.parquet.column.values.rle.RunLengthBitPackingHybridEncoder;
import org.junit.jupiter.api.Test;

/** The bulk decoder against Parquet's own encoder, for every bit width and run shape. */
class HybridRleDecoderTest {
  @Test
  void decodesWhatParquetEncodes() throws Exception {
    SplittableRandom rnd = new SplittableRandom(17);
    for (int width = 0; width <= 32; width++) {
      for (int trial = 0; trial < 30; trial++) {
        int n = rnd.nextInt(3000);
        int[] values = new int[n];
        long max = width == 0 ? 1 : 1L << width;
        int i = 0;
        while (i < n) {
          int run = rnd.nextBoolean() ? 1 + rnd.nextInt(40) : 1;
          int v = (int) (rnd.nextLong() & (max - 1));
          for (int k = 0; k < run && i < n; k++) {
            values[i++] = rnd.nextInt(3) == 0 ? (int) (rnd.nextLong() & (max - 1)) : v;
          }
        }
        RunLengthBitPackingHybridEncoder enc = new RunLengthBitPackingHybridEncoder(width, 64,
            1 << 20, HeapByteBufferAllocator.getInstance());
        for (int v : values) {
          enc.writeInt(v);
        }
        byte[] bytes = bytes(enc);
        int[] out = new int[n + 5];
        HybridRleDecoder.decode(bytes, 0, bytes.length, width, out, 5, n);
        assertArrayEquals(values, java.util.Arrays.copyOfRange(out, 5, n + 5),
            "width " + width + " trial " + trial);
      }
    }
  }

  @Test
  void truncatedInputIsACorruptPageNotAnOverrun() throws Exception {
    RunLengthBitPackingHybridEncoder enc = new RunLengthBitPackingHybridEncoder(13, 64, 1 << 20,
        HeapByteBufferAllocator.getInstance());
    SplittableRandom rnd = new SplittableRandom(3);
    for (int i = 0; i < 500; i++) {
      enc.writeInt(rnd.nextInt(1 << 13));
    }
    byte[] bytes = bytes(enc);
    for (int cut = 0; cut < bytes.length - 13; cut += 5) {
      int end = cut;
      assertThrows(CorruptPageException.class,
          () -> HybridRleDecoder.decode(bytes, 0, end, 13, new int[500], 0, 500));
    }
  }

  @Test
  void rowStartsAreTheZeroLevels() throws Exception {
    SplittableRandom rnd = new SplittableRandom(8);
    for (int trial = 0; trial < 200; trial++) {
      int width = 1 + rnd.nextInt(2);
      int n = 1 + rnd.nextInt(4000);
      int[] levels = new int[n];
      int count = 0;
      for (int i = 0; i < n; i++) {
        levels[i] = rnd.nextInt(rnd.nextBoolean() ? 3 : 300) == 0 ? 0 : 1 + rnd.nextInt(width);
        levels[i] = Math.min(levels[i], (1 << width) - 1);
        count += levels[i] == 0 ? 1 : 0;
      }
      int zeros = count;
      byte[] bytes = encode(width, levels);
      int[] offsets = new int[zeros + 1];
      int rows = HybridRleDecoder.rowStarts(bytes, 0, bytes.length, width, n, 100, offsets, 0,
          zeros);
      org.junit.jupiter.api.Assertions.assertEquals(zeros, rows);
      int k = 0;
      for (int i = 0; i < n; i++) {
        if (levels[i] == 0) {
          org.junit.jupiter.api.Assertions.assertEquals(100 + i, offsets[k++], "trial " + trial);
        }
      }
      if (zeros > 0) {
        assertThrows(CorruptPageException.class, () -> HybridRleDecoder.rowStarts(bytes, 0,
            bytes.length, width, n, 0, new int[zeros + 1], 0, zeros - 1));
      }
    }
  }

  @Test
  void fusedDictionaryLookupEqualsDecodeThenLookup() throws Exception {
    SplittableRandom rnd = new SplittableRandom(6);
    for (int trial = 0; trial < 200; trial++) {
      int size = 1 + rnd.nextInt(70_000);
      int width = 32 - Integer.numberOfLeadingZeros(size - 1);
      int[] dict = new int[size];
      for (int i = 0; i < size; i++) {
        dict[i] = rnd.nextInt();
      }
      int n = rnd.nextInt(5000);
      int[] ids = new int[n];
      for (int i = 0; i < n; i++) {
        ids[i] = rnd.nextInt(4) == 0 && i > 0 ? ids[i - 1] : rnd.nextInt(size);
      }
      byte[] bytes = encode(width, ids);
      int[] out = new int[n + 3];
      HybridRleDecoder.decodeDictionary(bytes, 0, bytes.length, width, dict, out, 3, n);
      for (int i = 0; i < n; i++) {
        org.junit.jupiter.api.Assertions.assertEquals(dict[ids[i]], out[i + 3], "trial " + trial);
      }
      if (n > 0 && width > 0) {
        int[] small = java.util.Arrays.copyOf(dict, java.util.Arrays.stream(ids).max().getAsInt());
        assertThrows(CorruptPageException.class, () -> HybridRleDecoder.decodeDictionary(bytes,
            0, bytes.length, width, small, new int[n], 0, n));
      }
    }
  }

  @Test
  void singleRunIsRecognisedOnlyWhenItCoversThePage() throws Exception {
    int[] all = new int[1000];
    java.util.Arrays.fill(all, 3);
    byte[] run = encode(2, all);
    org.junit.jupiter.api.Assertions.assertTrue(
        HybridRleDecoder.isSingleRun(run, 0, run.length, 2, 1000, 3));
    org.junit.jupiter.api.Assertions.assertFalse(
        HybridRleDecoder.isSingleRun(run, 0, run.length, 2, 1000, 2));
    all[500] = 2;
    byte[] broken = encode(2, all);
    org.junit.jupiter.api.Assertions.assertFalse(
        HybridRleDecoder.isSingleRun(broken, 0, broken.length, 2, 1000, 3));
  }

  private static byte[] encode(int width, int[] values) throws Exception {
    RunLengthBitPackingHybridEncoder enc = new RunLengthBitPackingHybridEncoder(width, 64,
        1 << 20, HeapByteBufferAllocator.getInstance());
    for (int v : values) {
      enc.writeInt(v);
    }
    return bytes(enc);
  }

  private static byte[] bytes(RunLengthBitPackingHybridEncoder enc) throws Exception {
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    enc.toBytes().writeAllTo(out);
    return out.toByteArray();
  }
}
