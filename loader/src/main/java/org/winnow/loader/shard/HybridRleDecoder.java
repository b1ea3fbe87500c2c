package org.winnow.loader.shard;

import java.util.Arrays;
import org.apache.parquet.column.values.bitpacking.BytePacker;
import org.apache.parquet.column.values.bitpacking.Packer;

/**
 * Bulk decoder of Parquet's RLE / bit-packed hybrid encoding (levels and dictionary indices),
 * writing whole runs into an int array instead of one value per call.
 *
 * <p>Uses the packers' byte-array entry points, which Parquet marks deprecated in favour of
 * ByteBuffer ones; pages are decoded from arrays here and the array form is the direct one.
 */
@SuppressWarnings("deprecation")
final class HybridRleDecoder {
  private HybridRleDecoder() {}

  /**
   * Decodes {@code count} values of {@code bitWidth} bits from {@code in[pos, end)} into {@code
   * out[outPos, outPos + count)}.
   *
   * @return the input position after the last run read
   * @throws CorruptPageException when the input ends early or a header is malformed
   */
  static int decode(byte[] in, int pos, int end, int bitWidth, int[] out, int outPos, int count) {
    if (bitWidth == 0) {
      Arrays.fill(out, outPos, outPos + count, 0);
      return pos;
    }
    if (bitWidth > 32) {
      throw new CorruptPageException("bit width " + bitWidth + " exceeds 32");
    }
    BytePacker packer = Packer.LITTLE_ENDIAN.newBytePacker(bitWidth);
    int byteWidth = (bitWidth + 7) >>> 3;
    int n = 0;
    while (n < count) {
      if (pos >= end) {
        throw new CorruptPageException("encoded values end after " + n + " of " + count);
      }
      long h = header(in, pos, end);
      int header = (int) (h >>> 32);
      pos = (int) h;
      if ((header & 1) == 0) {
        int run = header >>> 1;
        if (pos + byteWidth > end) {
          throw new CorruptPageException("run value cut off after " + n + " of " + count);
        }
        int v = 0;
        for (int i = 0; i < byteWidth; i++) {
          v |= (in[pos + i] & 0xff) << (8 * i);
        }
        pos += byteWidth;
        int take = Math.min(run, count - n);
        Arrays.fill(out, outPos + n, outPos + n + take, v);
        n += take;
      } else {
        int groups = header >>> 1;
        int available = (end - pos) / bitWidth;
        int usable = Math.min(groups, available);
        while (usable >= 4 && count - n >= 32) {
          packer.unpack32Values(in, pos, out, outPos + n);
          pos += 4 * bitWidth;
          n += 32;
          usable -= 4;
          groups -= 4;
        }
        while (groups > 0 && n < count) {
          if (usable > 0 && count - n >= 8) {
            packer.unpack8Values(in, pos, out, outPos + n);
            n += 8;
          } else {
            // The last group may be cut short by a writer that omits its padding.
            byte[] padded = new byte[bitWidth];
            int have = Math.max(0, Math.min(bitWidth, end - pos));
            if (have == 0) {
              throw new CorruptPageException("bit-packed run cut off after " + n + " of " + count);
            }
            System.arraycopy(in, pos, padded, 0, have);
            int[] eight = new int[8];
            packer.unpack8Values(padded, 0, eight, 0);
            int take = Math.min(8, count - n);
            System.arraycopy(eight, 0, out, outPos + n, take);
            n += take;
          }
          pos += bitWidth;
          usable--;
          groups--;
        }
        pos = (int) Math.min(end, pos + (long) Math.max(groups, 0) * bitWidth);
      }
    }
    return Math.min(pos, end);
  }

  /**
   * Whether the encoded levels are one run of {@code count} or more copies of {@code value}: the
   * common case of a page without nulls, answered without decoding anything.
   */
  static boolean isSingleRun(byte[] in, int pos, int end, int bitWidth, int count, int value) {
    if (pos >= end) {
      return false;
    }
    long h;
    try {
      h = header(in, pos, end);
    } catch (CorruptPageException e) {
      return false;
    }
    int header = (int) (h >>> 32);
    pos = (int) h;
    if ((header & 1) != 0 || (header >>> 1) < count) {
      return false;
    }
    int byteWidth = (bitWidth + 7) >>> 3;
    if (pos + byteWidth > end) {
      return false;
    }
    int v = 0;
    for (int i = 0; i < byteWidth; i++) {
      v |= (in[pos + i] & 0xff) << (8 * i);
    }
    return v == value;
  }

  /**
   * Reads {@code count} repetition levels and records each level-0 entry (a row start) as
   * {@code offsets[row++] = base + entry}, without materialising the levels.
   *
   * @return the row count after this page
   * @throws CorruptPageException when the input ends early or more than {@code maxRows} rows
   *     start
   */
  static int rowStarts(byte[] in, int pos, int end, int bitWidth, int count, int base,
      int[] offsets, int row, int maxRows) {
    if (bitWidth == 0 || bitWidth > 32) {
      throw new CorruptPageException("repetition bit width " + bitWidth);
    }
    BytePacker packer = Packer.LITTLE_ENDIAN.newBytePacker(bitWidth);
    int byteWidth = (bitWidth + 7) >>> 3;
    int[] eight = new int[8];
    byte[] padded = null;
    int n = 0;
    while (n < count) {
      if (pos >= end) {
        throw new CorruptPageException("repetition levels end after " + n + " of " + count);
      }
      long h = header(in, pos, end);
      int header = (int) (h >>> 32);
      pos = (int) h;
      if ((header & 1) == 0) {
        int run = Math.min(header >>> 1, count - n);
        if (pos + byteWidth > end) {
          throw new CorruptPageException("run value cut off after " + n + " of " + count);
        }
        int v = 0;
        for (int i = 0; i < byteWidth; i++) {
          v |= (in[pos + i] & 0xff) << (8 * i);
        }
        pos += byteWidth;
        if (v == 0) {
          if (row + run > maxRows) {
            throw new CorruptPageException("more rows than the row group's " + maxRows);
          }
          for (int k = 0; k < run; k++) {
            offsets[row++] = base + n + k;
          }
        }
        n += run;
      } else {
        int groups = header >>> 1;
        while (groups > 0 && n < count) {
          if (pos + bitWidth <= end) {
            packer.unpack8Values(in, pos, eight, 0);
          } else if (pos < end) {
            if (padded == null) {
              padded = new byte[bitWidth];
            }
            java.util.Arrays.fill(padded, (byte) 0);
            System.arraycopy(in, pos, padded, 0, end - pos);
            packer.unpack8Values(padded, 0, eight, 0);
          } else {
            throw new CorruptPageException("bit-packed run cut off after " + n + " of " + count);
          }
          int take = Math.min(8, count - n);
          for (int k = 0; k < take; k++) {
            if (eight[k] == 0) {
              if (row == maxRows) {
                throw new CorruptPageException("more rows than the row group's " + maxRows);
              }
              offsets[row++] = base + n + k;
            }
          }
          n += take;
          pos += bitWidth;
          groups--;
        }
        pos = (int) Math.min(end, pos + (long) Math.max(groups, 0) * bitWidth);
      }
    }
    return row;
  }

  /**
   * Decodes {@code count} dictionary indices and writes the dictionary's values for them into
   * {@code out[outPos, outPos + count)}, unpacking and looking up in one pass.
   */
  static void decodeDictionary(byte[] in, int pos, int end, int bitWidth, int[] dictionary,
      int[] out, int outPos, int count) {
    if (bitWidth > 32) {
      throw new CorruptPageException("bit width " + bitWidth + " exceeds 32");
    }
    int size = dictionary.length;
    if (bitWidth == 0) {
      if (size == 0 && count > 0) {
        throw new CorruptPageException("dictionary index 0 outside an empty dictionary");
      }
      Arrays.fill(out, outPos, outPos + count, size == 0 ? 0 : dictionary[0]);
      return;
    }
    BytePacker packer = Packer.LITTLE_ENDIAN.newBytePacker(bitWidth);
    int byteWidth = (bitWidth + 7) >>> 3;
    int[] ids = new int[32];
    int n = 0;
    while (n < count) {
      if (pos >= end) {
        throw new CorruptPageException("dictionary indices end after " + n + " of " + count);
      }
      long h = header(in, pos, end);
      int header = (int) (h >>> 32);
      pos = (int) h;
      if ((header & 1) == 0) {
        int run = Math.min(header >>> 1, count - n);
        if (pos + byteWidth > end) {
          throw new CorruptPageException("run value cut off after " + n + " of " + count);
        }
        int id = 0;
        for (int i = 0; i < byteWidth; i++) {
          id |= (in[pos + i] & 0xff) << (8 * i);
        }
        pos += byteWidth;
        if (id < 0 || id >= size) {
          throw new CorruptPageException("dictionary index " + id + " outside " + size
              + " entries");
        }
        Arrays.fill(out, outPos + n, outPos + n + run, dictionary[id]);
        n += run;
      } else {
        int groups = header >>> 1;
        while (groups >= 4 && count - n >= 32 && pos + 4 * bitWidth <= end) {
          packer.unpack32Values(in, pos, ids, 0);
          int o = outPos + n;
          for (int k = 0; k < 32; k++) {
            int id = ids[k];
            if (id < 0 || id >= size) {
              throw new CorruptPageException("dictionary index " + id + " outside " + size
                  + " entries");
            }
            out[o + k] = dictionary[id];
          }
          pos += 4 * bitWidth;
          n += 32;
          groups -= 4;
        }
        if (groups > 0 && n < count) {
          int values = (int) Math.min((long) groups * 8, count - n);
          int[] tmp = new int[values];
          pos = decodeBitPacked(in, pos, end, bitWidth, groups, tmp, values, packer);
          for (int k = 0; k < values; k++) {
            int id = tmp[k];
            if (id < 0 || id >= size) {
              throw new CorruptPageException("dictionary index " + id + " outside " + size
                  + " entries");
            }
            out[outPos + n + k] = dictionary[id];
          }
          n += values;
        }
      }
    }
  }

  /** Unpacks {@code values} values of a bit-packed run of {@code groups} groups; returns the end. */
  private static int decodeBitPacked(byte[] in, int pos, int end, int bitWidth, int groups,
      int[] out, int values, BytePacker packer) {
    int n = 0;
    int[] eight = new int[8];
    while (n < values) {
      if (pos + bitWidth <= end) {
        packer.unpack8Values(in, pos, eight, 0);
      } else if (pos < end) {
        byte[] padded = new byte[bitWidth];
        System.arraycopy(in, pos, padded, 0, end - pos);
        packer.unpack8Values(padded, 0, eight, 0);
      } else {
        throw new CorruptPageException("bit-packed run cut off after " + n + " of " + values);
      }
      int take = Math.min(8, values - n);
      System.arraycopy(eight, 0, out, n, take);
      n += take;
      pos += bitWidth;
      groups--;
    }
    return (int) Math.min(end, pos + (long) Math.max(groups, 0) * bitWidth);
  }

  /**
   * Reads the unsigned varint run header at {@code pos}: the header in the high 32 bits of the
   * result, the position after it in the low 32.
   */
  private static long header(byte[] in, int pos, int end) {
    int header = 0;
    int shift = 0;
    int b;
    do {
      if (pos >= end) {
        throw new CorruptPageException("run header cut off");
      }
      b = in[pos++];
      header |= (b & 0x7f) << shift;
      shift += 7;
    } while ((b & 0x80) != 0 && shift < 35);
    if ((b & 0x80) != 0 || header < 0) {
      throw new CorruptPageException("malformed run header");
    }
    return ((long) header << 32) | pos;
  }
}
