package org.winnow.loader.shard;

import org.apache.parquet.column.ParquetProperties.WriterVersion;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;

/**
 * How {@link ShardWriter} lays out a shard file.
 *
 * @param codec page compression (Spark's default is Snappy)
 * @param rowGroupTokens a row group is closed after the document that reaches this many tokens;
 *     the loader holds whole row groups in memory, so keep it to a few million
 * @param pageBytes target size of a data page before compression
 * @param dictionary whether token values are dictionary-encoded (Spark's default)
 * @param writerVersion data page v1 (Spark's default) or v2
 */
public record ShardWriterOptions(
    CompressionCodecName codec,
    long rowGroupTokens,
    int pageBytes,
    boolean dictionary,
    WriterVersion writerVersion) {

  /** Snappy, 1 Mi tokens per row group, 1 MiB pages, dictionary, page v1. */
  public static final ShardWriterOptions DEFAULTS =
      new ShardWriterOptions(CompressionCodecName.SNAPPY, 1L << 20, 1 << 20, true,
          WriterVersion.PARQUET_1_0);

  public ShardWriterOptions {
    if (rowGroupTokens <= 0) {
      throw new IllegalArgumentException("rowGroupTokens must be positive: " + rowGroupTokens);
    }
    if (pageBytes < 64) {
      throw new IllegalArgumentException("pageBytes must be at least 64: " + pageBytes);
    }
  }

  public ShardWriterOptions withCodec(CompressionCodecName c) {
    return new ShardWriterOptions(c, rowGroupTokens, pageBytes, dictionary, writerVersion);
  }

  public ShardWriterOptions withRowGroupTokens(long n) {
    return new ShardWriterOptions(codec, n, pageBytes, dictionary, writerVersion);
  }

  public ShardWriterOptions withPageBytes(int n) {
    return new ShardWriterOptions(codec, rowGroupTokens, n, dictionary, writerVersion);
  }

  public ShardWriterOptions withDictionary(boolean d) {
    return new ShardWriterOptions(codec, rowGroupTokens, pageBytes, d, writerVersion);
  }

  public ShardWriterOptions withWriterVersion(WriterVersion v) {
    return new ShardWriterOptions(codec, rowGroupTokens, pageBytes, dictionary, v);
  }
}
