package org.winnow.loader.shard;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.zip.CRC32;
import org.apache.parquet.bytes.BytesInput;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.page.DataPage;
import org.apache.parquet.column.page.DataPageV1;
import org.apache.parquet.column.page.DataPageV2;
import org.apache.parquet.column.page.DictionaryPage;
import org.apache.parquet.column.page.PageReader;
import org.apache.parquet.column.statistics.Statistics;
import org.apache.parquet.format.DataPageHeader;
import org.apache.parquet.format.DataPageHeaderV2;
import org.apache.parquet.format.DictionaryPageHeader;
import org.apache.parquet.format.PageHeader;
import org.apache.parquet.format.Util;
import org.apache.parquet.format.ColumnMetaData;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;

/**
 * The pages of one column chunk, parsed from its bytes: page headers read, checksums verified
 * where the writer stored them, pages decompressed. A {@link PageReader} over them.
 */
final class ColumnChunkPages implements PageReader {
  private final DictionaryPage dictionary;
  private final ArrayDeque<DataPage> pages;
  private final long valueCount;

  private ColumnChunkPages(DictionaryPage dictionary, ArrayDeque<DataPage> pages,
      long valueCount) {
    this.dictionary = dictionary;
    this.pages = pages;
    this.valueCount = valueCount;
  }

  /**
   * Parses {@code chunk}, the bytes of {@code meta}'s column chunk.
   *
   * @throws CorruptPageException when a header, a size or a checksum is wrong
   */
  static ColumnChunkPages parse(byte[] chunk, ColumnMetaData meta, ColumnDescriptor column,
      ArrayCodecFactory codecs) throws IOException {
    CompressionCodecName codec = CompressionCodecName.fromParquet(meta.getCodec());
    long expected = meta.getNum_values();
    Statistics<?> noStats = Statistics.getBuilderForReading(column.getPrimitiveType()).build();
    Cursor in = new Cursor(chunk);
    DictionaryPage dictionary = null;
    ArrayDeque<DataPage> pages = new ArrayDeque<>();
    long values = 0;
    while (values < expected && in.position() < chunk.length) {
      PageHeader h;
      try {
        h = Util.readPageHeader(in);
      } catch (IOException e) {
        throw new CorruptPageException("unreadable page header at byte " + in.position()
            + " of the column chunk: " + e.getMessage());
      }
      int start = in.position();
      int compressed = h.getCompressed_page_size();
      int uncompressed = h.getUncompressed_page_size();
      if (compressed < 0 || compressed > chunk.length - start || uncompressed < 0) {
        throw new CorruptPageException("page at byte " + start + " claims " + compressed
            + " bytes, " + (chunk.length - start) + " remain");
      }
      if (h.isSetCrc()) {
        CRC32 crc = new CRC32();
        crc.update(chunk, start, compressed);
        if ((int) crc.getValue() != h.getCrc()) {
          throw new CorruptPageException("page checksum mismatch at byte " + start
              + " of column " + String.join(".", column.getPath()));
        }
      }
      switch (h.getType()) {
        case DICTIONARY_PAGE: {
          DictionaryPageHeader d = h.getDictionary_page_header();
          dictionary = new DictionaryPage(
              codecs.decompress(codec, chunk, start, compressed, uncompressed),
              uncompressed, d.getNum_values(), encoding(d.getEncoding()));
          break;
        }
        case DATA_PAGE: {
          DataPageHeader d = h.getData_page_header();
          pages.add(new DataPageV1(
              codecs.decompress(codec, chunk, start, compressed, uncompressed),
              d.getNum_values(), uncompressed, noStats,
              encoding(d.getRepetition_level_encoding()),
              encoding(d.getDefinition_level_encoding()),
              encoding(d.getEncoding())));
          values += d.getNum_values();
          break;
        }
        case DATA_PAGE_V2: {
          DataPageHeaderV2 d = h.getData_page_header_v2();
          int rl = d.getRepetition_levels_byte_length();
          int dl = d.getDefinition_levels_byte_length();
          if (rl < 0 || dl < 0 || (long) rl + dl > compressed || (long) rl + dl > uncompressed) {
            throw new CorruptPageException("v2 page at byte " + start + " has level sections "
                + "of " + rl + " and " + dl + " bytes in " + compressed);
          }
          int dataAt = start + rl + dl;
          BytesInput data = !d.isSetIs_compressed() || d.isIs_compressed()
              ? codecs.decompress(codec, chunk, dataAt, compressed - rl - dl,
                  uncompressed - rl - dl)
              : slice(chunk, dataAt, compressed - rl - dl);
          pages.add(DataPageV2.uncompressed(d.getNum_rows(), d.getNum_nulls(),
              d.getNum_values(), slice(chunk, start, rl), slice(chunk, start + rl, dl),
              encoding(d.getEncoding()), data, noStats));
          values += d.getNum_values();
          break;
        }
        default:
          break;
      }
      in.seek(start + compressed);
    }
    if (values != expected) {
      throw new CorruptPageException("column " + String.join(".", column.getPath()) + " holds "
          + values + " values in its pages, " + expected + " in the footer");
    }
    return new ColumnChunkPages(dictionary, pages, values);
  }

  private static org.apache.parquet.column.Encoding encoding(
      org.apache.parquet.format.Encoding e) {
    return org.apache.parquet.column.Encoding.valueOf(e.name());
  }

  private static BytesInput slice(byte[] b, int off, int len) {
    return BytesInput.from(ByteBuffer.wrap(b, off, len).slice());
  }

  @Override
  public DictionaryPage readDictionaryPage() {
    return dictionary;
  }

  @Override
  public long getTotalValueCount() {
    return valueCount;
  }

  @Override
  public DataPage readPage() {
    return pages.poll();
  }

  /** A byte-array stream whose position can be read and set. */
  private static final class Cursor extends ByteArrayInputStream {
    Cursor(byte[] b) {
      super(b);
    }

    int position() {
      return pos;
    }

    void seek(int p) {
      pos = p;
    }
  }
}
