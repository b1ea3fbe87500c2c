package org.winnow.loader.shard;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.apache.parquet.bytes.ByteBufferInputStream;
import org.apache.parquet.bytes.BytesInput;
import org.apache.parquet.bytes.BytesUtils;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.Encoding;
import org.apache.parquet.column.ValuesType;
import org.apache.parquet.column.page.DataPage;
import org.apache.parquet.column.page.DataPageV1;
import org.apache.parquet.column.page.DataPageV2;
import org.apache.parquet.column.page.DictionaryPage;
import org.apache.parquet.column.page.PageReader;
import org.apache.parquet.column.values.ValuesReader;

/**
 * Decodes the {@code tokens} column of one row group straight into one int array and the row
 * offsets into it: levels and dictionary indices in bulk, no value boxed, no per-value call
 * for the encodings Spark writes (dictionary, plain). Other value encodings go through Parquet's
 * own value readers. Level buffers are kept per thread between row groups.
 */
final class TokenColumnDecoder {
  private final ColumnDescriptor column;
  private final int maxDef;
  private final int slotDef;
  private final int repWidth;
  private final int defWidth;
  private int[] rep;
  private int[] def;

  TokenColumnDecoder(ShardLayout layout) {
    this.column = layout.tokens();
    this.maxDef = column.getMaxDefinitionLevel();
    this.slotDef = layout.slotDefinitionLevel();
    this.repWidth = BytesUtils.getWidthFromMaxInt(column.getMaxRepetitionLevel());
    this.defWidth = BytesUtils.getWidthFromMaxInt(maxDef);
    int[][] scratch = SCRATCH.get();
    this.rep = scratch[0];
    this.def = scratch[1];
  }

  private static final ThreadLocal<int[][]> SCRATCH =
      ThreadLocal.withInitial(() -> new int[][] {new int[0], new int[0]});

  /** The decoded tokens and the start of each row in them. */
  record Result(int[] tokens, int tokenCount, int[] offsets) {}

  /**
   * Decodes {@code rows} rows whose column chunk holds at most {@code valueCount} level entries.
   *
   * @throws CorruptPageException when the pages contradict each other or the row count
   * @throws NullTokenException when a list holds a null element
   */
  Result decode(PageReader pages, int rows, long valueCount) throws IOException {
    if (valueCount > Integer.MAX_VALUE - 16) {
      throw new CorruptPageException("column chunk claims " + valueCount + " values");
    }
    int[] tokens = new int[(int) valueCount];
    int[] offsets = new int[rows + 1];
    int[] dictionary = readDictionary(pages.readDictionaryPage());
    int row = 0;
    int vpos = 0;
    long entries = 0;
    for (DataPage page = pages.readPage(); page != null; page = pages.readPage()) {
      int n = page.getValueCount();
      entries += n;
      if (n < 0 || entries > valueCount) {
        throw new CorruptPageException("pages hold more values than the column chunk's "
            + valueCount);
      }
      if (n == 0) {
        continue;
      }
      byte[] repBytes;
      int repStart;
      int repEnd;
      byte[] defBytes;
      int defStart;
      int defEnd;
      byte[] values;
      int valuesPos;
      Encoding encoding;
      if (page instanceof DataPageV1) {
        DataPageV1 v1 = (DataPageV1) page;
        byte[] b = bytes(v1.getBytes());
        repBytes = b;
        repStart = levelStart(b, 0, v1.getRlEncoding(), repWidth);
        repEnd = levelEnd(b, 0, repWidth);
        defBytes = b;
        defStart = levelStart(b, repEnd, v1.getDlEncoding(), defWidth);
        defEnd = levelEnd(b, repEnd, defWidth);
        values = b;
        valuesPos = defEnd;
        encoding = v1.getValueEncoding();
      } else {
        DataPageV2 v2 = (DataPageV2) page;
        repBytes = bytes(v2.getRepetitionLevels());
        repStart = 0;
        repEnd = repBytes.length;
        defBytes = bytes(v2.getDefinitionLevels());
        defStart = 0;
        defEnd = defBytes.length;
        values = bytes(v2.getData());
        valuesPos = 0;
        encoding = v2.getDataEncoding();
      }
      boolean allPresent = maxDef == 0
          || HybridRleDecoder.isSingleRun(defBytes, defStart, defEnd, defWidth, n, maxDef);
      if (allPresent) {
        readValues(encoding, dictionary, values, valuesPos, tokens, vpos, n);
        int before = row;
        row = HybridRleDecoder.rowStarts(repBytes, repStart, repEnd, repWidth, n, vpos, offsets,
            row, rows);
        if (before == 0 && (row == 0 || offsets[0] != vpos)) {
          throw new CorruptPageException("column chunk starts in the middle of a row");
        }
        vpos += n;
        continue;
      }
      if (rep.length < n) {
        rep = new int[n];
        def = new int[n];
        SCRATCH.set(new int[][] {rep, def});
      }
      HybridRleDecoder.decode(repBytes, repStart, repEnd, repWidth, rep, 0, n);
      HybridRleDecoder.decode(defBytes, defStart, defEnd, defWidth, def, 0, n);
      int present = countPresent(n);
      readValues(encoding, dictionary, values, valuesPos, tokens, vpos, present);
      if (rep[0] != 0 && row == 0) {
        throw new CorruptPageException("column chunk starts in the middle of a row");
      }
      for (int i = 0; i < n; i++) {
        if (rep[i] == 0) {
          if (row == rows) {
            throw new CorruptPageException("tokens column has more rows than the row group's "
                + rows);
          }
          offsets[row++] = vpos;
        }
        int d = def[i];
        if (d == maxDef) {
          vpos++;
        } else if (d >= slotDef) {
          throw new NullTokenException(row - 1);
        }
      }
    }
    if (row != rows) {
      throw new CorruptPageException("tokens column has " + row + " rows, the row group " + rows);
    }
    offsets[rows] = vpos;
    return new Result(tokens, vpos, offsets);
  }

  private int countPresent(int n) {
    if (maxDef == 0) {
      return n;
    }
    int present = 0;
    for (int i = 0; i < n; i++) {
      if (def[i] == maxDef) {
        present++;
      }
    }
    return present;
  }

  /** Where a v1 page's level section, starting at {@code p}, begins its encoded data. */
  private static int levelStart(byte[] b, int p, Encoding encoding, int width) {
    if (width == 0) {
      return p;
    }
    if (encoding != Encoding.RLE) {
      throw new CorruptPageException("unsupported level encoding " + encoding);
    }
    return p + 4;
  }

  /** Where a v1 page's level section, starting at {@code p}, ends. */
  private static int levelEnd(byte[] b, int p, int width) {
    if (width == 0) {
      return p;
    }
    if (p + 4 > b.length) {
      throw new CorruptPageException("level section cut off");
    }
    int len = (b[p] & 0xff) | (b[p + 1] & 0xff) << 8 | (b[p + 2] & 0xff) << 16
        | (b[p + 3] & 0xff) << 24;
    if (len < 0 || len > b.length - p - 4) {
      throw new CorruptPageException("level section of " + len + " bytes exceeds the page");
    }
    return p + 4 + len;
  }

  private void readValues(Encoding encoding, int[] dictionary, byte[] b, int p, int[] out,
      int outPos, int count) throws IOException {
    if (count == 0) {
      return;
    }
    if (encoding == Encoding.PLAIN) {
      if ((long) count * 4 > b.length - p) {
        throw new CorruptPageException("plain values cut off");
      }
      ByteBuffer.wrap(b, p, count * 4).order(ByteOrder.LITTLE_ENDIAN).asIntBuffer()
          .get(out, outPos, count);
    } else if (encoding.usesDictionary()) {
      if (dictionary == null) {
        throw new CorruptPageException("dictionary-encoded page without a dictionary page");
      }
      if (p >= b.length) {
        throw new CorruptPageException("dictionary indices cut off");
      }
      HybridRleDecoder.decodeDictionary(b, p + 1, b.length, b[p] & 0xff, dictionary, out,
          outPos, count);
    } else {
      ValuesReader reader = encoding.getValuesReader(column, ValuesType.VALUES);
      reader.initFromPage(count, ByteBufferInputStream.wrap(ByteBuffer.wrap(b, p, b.length - p)));
      for (int i = 0; i < count; i++) {
        out[outPos + i] = reader.readInteger();
      }
    }
  }

  private static int[] readDictionary(DictionaryPage page) throws IOException {
    if (page == null) {
      return null;
    }
    byte[] b = bytes(page.getBytes());
    int size = page.getDictionarySize();
    if (size < 0 || (long) size * 4 > b.length) {
      throw new CorruptPageException("dictionary of " + size + " ints in " + b.length + " bytes");
    }
    int[] dict = new int[size];
    ByteBuffer.wrap(b, 0, size * 4).order(ByteOrder.LITTLE_ENDIAN).asIntBuffer().get(dict);
    return dict;
  }

  private static byte[] bytes(BytesInput in) throws IOException {
    return PageBytes.of(in);
  }
}
