package org.winnow.loader.shard;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import it.unimi.dsi.fastutil.ints.Int2IntOpenHashMap;
import java.util.Arrays;
import org.apache.parquet.bytes.BytesInput;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.Encoding;
import org.apache.parquet.column.ParquetProperties.WriterVersion;
import org.apache.parquet.column.page.DictionaryPage;
import org.apache.parquet.column.page.PageWriter;
import org.apache.parquet.column.statistics.Statistics;
import org.apache.parquet.column.values.bitpacking.BytePacker;
import org.apache.parquet.column.values.bitpacking.Packer;

/**
 * Writes the {@code tokens} column (an optional list of optional int32) straight into Parquet
 * pages, a document's tokens at a time, one row group's column chunk after another.
 *
 * <p>Parquet's column writer takes one value per call and, for a dictionary, hashes each value
 * into a map; for token ids that cost about 40% as much as encoding the text. Here the
 * dictionary is an array indexed by token id (ids are small and dense), the levels are a few RLE
 * runs per document ({@link LevelRuns}), and a page's dictionary indices are bit-packed eight at
 * a time. The pages are the same encodings Parquet's writer chooses, so every reader reads them:
 * v1 pages with {@code PLAIN_DICTIONARY} indices (v2: {@code RLE_DICTIONARY}) and a dictionary
 * page of plain ints, or plain ints when the dictionary is off. Pages end on a document boundary.
 */
final class TokenColumnWriter {
  private static final int ABSENT = -1;
  /**
   * Ids below this index an array (16 MiB at most; every published vocabulary is far smaller);
   * any other int, negative ones included, goes to a hash map.
   */
  private static final int DENSE_IDS = 1 << 22;

  private final ColumnDescriptor column;
  private PageWriter pages;
  private final boolean dictionary;
  private final WriterVersion version;
  private final int maxDef;
  private final int pageValues;
  /** Token id to its dictionary index, {@link #ABSENT} where not yet seen. */
  private int[] indexOf = new int[0];
  private final Int2IntOpenHashMap sparseIndexOf = new Int2IntOpenHashMap();
  private int[] dictionaryIds = new int[1024];
  private int dictionarySize;
  /** The current page's values: dictionary indices or token ids, zero-padded to a group of 8. */
  private int[] values = new int[1024];
  private int count;
  private final LevelRuns rep = new LevelRuns();
  private final LevelRuns def = new LevelRuns();
  private int entries;
  private int rows;
  private int nulls;
  private int min = Integer.MAX_VALUE;
  private int max = Integer.MIN_VALUE;

  /** @param pageBytes the page size to aim at, counted as 4 bytes a token */
  TokenColumnWriter(ColumnDescriptor column, boolean dictionary, WriterVersion version,
      int pageBytes) {
    if (column.getMaxRepetitionLevel() != 1 || column.getMaxDefinitionLevel() > 255) {
      throw new IllegalArgumentException("not a list column of one level: " + column);
    }
    this.column = column;
    this.dictionary = dictionary;
    this.version = version;
    this.maxDef = column.getMaxDefinitionLevel();
    this.pageValues = Math.max(8, pageBytes / 4);
  }

  /** Starts a row group's column chunk, written to {@code pages}. */
  void startRowGroup(PageWriter pages) {
    this.pages = pages;
  }

  /** Appends one document's tokens {@code tokens[from, to)}; none is written as an empty list. */
  void add(int[] tokens, int from, int to) throws IOException {
    int n = to - from;
    rows++;
    if (n == 0) {
      // The list is present but holds no element: one entry, one level below the maximum
      // (the optional element's own level), and no value.
      rep.add(0, 1);
      def.add(maxDef - 2, 1);
      entries++;
      nulls++;
    } else {
      rep.add(0, 1);
      if (n > 1) {
        rep.add(1, n - 1);
      }
      def.add(maxDef, n);
      entries += n;
      append(tokens, from, n);
    }
    if (count >= pageValues) {
      writePage();
    }
  }

  /**
   * Writes the row group's last page and its dictionary page; the column chunk is then complete
   * and the next row group starts with an empty dictionary.
   */
  void finishRowGroup() throws IOException {
    if (entries > 0) {
      writePage();
    }
    if (dictionary && dictionarySize > 0) {
      pages.writeDictionaryPage(new DictionaryPage(littleEndian(dictionaryIds, dictionarySize),
          dictionarySize, version == WriterVersion.PARQUET_1_0 ? Encoding.PLAIN_DICTIONARY
              : Encoding.PLAIN));
    }
    // Only the ids this row group used are reset, not the whole id range.
    for (int i = 0; i < dictionarySize; i++) {
      int id = dictionaryIds[i];
      if (id >= 0 && id < indexOf.length) {
        indexOf[id] = ABSENT;
      }
    }
    sparseIndexOf.clear();
    dictionarySize = 0;
    pages = null;
  }

  /**
   * The per-token loop of the writer, kept tight: the bounds and the id-to-index array live in
   * locals for the whole document, and only an id not yet in this row group's dictionary takes
   * the slow path (writing a shard of Europarl tokens: 6.5–7.1 ns a token before, 6.2–6.4
   * after).
   */
  private void append(int[] tokens, int from, int n) {
    if (values.length < count + n + 8) {
      values = Arrays.copyOf(values, Math.max(values.length * 2, count + n + 8));
    }
    int[] v = values;
    int c = count;
    int lo = min;
    int hi = max;
    if (dictionary) {
      int[] index = indexOf;
      for (int i = from; i < from + n; i++) {
        int id = tokens[i];
        lo = Math.min(lo, id);
        hi = Math.max(hi, id);
        int at;
        if (id >= 0 && id < index.length && (at = index[id]) != ABSENT) {
          v[c++] = at;
        } else {
          v[c++] = indexOf(id);
          index = indexOf;
        }
      }
    } else {
      for (int i = from; i < from + n; i++) {
        int id = tokens[i];
        lo = Math.min(lo, id);
        hi = Math.max(hi, id);
        v[c++] = id;
      }
    }
    min = lo;
    max = hi;
    count = c;
  }

  /** The dictionary index of {@code id}, added to the dictionary if this row group lacks it. */
  private int indexOf(int id) {
    if (id < 0 || id >= DENSE_IDS) {
      int index = sparseIndexOf.getOrDefault(id, ABSENT);
      if (index == ABSENT) {
        index = addToDictionary(id);
        sparseIndexOf.put(id, index);
      }
      return index;
    }
    if (id >= indexOf.length) {
      int old = indexOf.length;
      indexOf = Arrays.copyOf(indexOf, Math.max(id + 1, old * 2));
      Arrays.fill(indexOf, old, indexOf.length, ABSENT);
    }
    int index = indexOf[id];
    if (index == ABSENT) {
      index = addToDictionary(id);
      indexOf[id] = index;
    }
    return index;
  }

  private int addToDictionary(int id) {
    if (dictionarySize == dictionaryIds.length) {
      dictionaryIds = Arrays.copyOf(dictionaryIds, dictionarySize * 2);
    }
    dictionaryIds[dictionarySize] = id;
    return dictionarySize++;
  }

  private void writePage() throws IOException {
    Statistics<?> stats = Statistics.createStats(column.getPrimitiveType());
    if (count > 0) {
      stats.updateStats(min);
      stats.updateStats(max);
    }
    stats.incrementNumNulls(nulls);
    BytesInput data = dictionary ? packedIndices() : littleEndian(values, count);
    byte[] repLevels = rep.finish();
    byte[] defLevels = def.finish();
    if (version == WriterVersion.PARQUET_1_0) {
      pages.writePage(BytesInput.concat(lengthPrefixed(repLevels), lengthPrefixed(defLevels), data),
          entries, rows, stats, Encoding.RLE, Encoding.RLE,
          dictionary ? Encoding.PLAIN_DICTIONARY : Encoding.PLAIN);
    } else {
      pages.writePageV2(rows, nulls, entries, BytesInput.from(repLevels),
          BytesInput.from(defLevels), dictionary ? Encoding.RLE_DICTIONARY : Encoding.PLAIN,
          data, stats);
    }
    count = 0;
    entries = 0;
    rows = 0;
    nulls = 0;
    min = Integer.MAX_VALUE;
    max = Integer.MIN_VALUE;
  }

  /** The page's indices as one bit-packed run, after the one-byte bit width. */
  private BytesInput packedIndices() {
    int width = Math.max(1, 32 - Integer.numberOfLeadingZeros(dictionarySize - 1));
    int groups = (count + 7) / 8;
    Arrays.fill(values, count, groups * 8, 0);
    byte[] out = new byte[1 + 5 + groups * width];
    out[0] = (byte) width;
    int p = 1;
    // A bit-packed run's header: varint((groups << 1) | 1).
    int header = (groups << 1) | 1;
    while ((header & ~0x7F) != 0) {
      out[p++] = (byte) ((header & 0x7F) | 0x80);
      header >>>= 7;
    }
    out[p++] = (byte) header;
    BytePacker packer = Packer.LITTLE_ENDIAN.newBytePacker(width);
    int i = 0;
    for (; i + 32 <= groups * 8; i += 32) {
      packer.pack32Values(values, i, out, p);
      p += 4 * width;
    }
    for (; i < groups * 8; i += 8) {
      packer.pack8Values(values, i, out, p);
      p += width;
    }
    return BytesInput.from(out, 0, p);
  }

  private static BytesInput lengthPrefixed(byte[] levels) {
    byte[] length = ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN)
        .putInt(levels.length).array();
    return BytesInput.concat(BytesInput.from(length), BytesInput.from(levels));
  }

  private static BytesInput littleEndian(int[] ints, int n) {
    ByteBuffer b = ByteBuffer.allocate(4 * n).order(ByteOrder.LITTLE_ENDIAN);
    b.asIntBuffer().put(ints, 0, n);
    return BytesInput.from(b.array());
  }
}
