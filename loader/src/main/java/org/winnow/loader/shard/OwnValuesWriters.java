package org.winnow.loader.shard;

import org.apache.parquet.column.ParquetProperties;
import org.apache.parquet.column.ParquetProperties.WriterVersion;
import org.apache.parquet.column.values.factory.DefaultV1ValuesWriterFactory;
import org.apache.parquet.column.values.factory.DefaultV2ValuesWriterFactory;
import org.apache.parquet.column.values.factory.ValuesWriterFactory;

/**
 * A values-writer factory that belongs to one {@link ParquetProperties} alone.
 *
 * <p>By default Parquet 1.15 gives every {@code ParquetProperties} the same static factory, and
 * building a {@code ParquetProperties} points that shared factory at the new settings. A writer
 * whose columns are set up while another thread builds its properties then encodes with the
 * other writer's settings (dictionary on or off, page sizes, data page version): the file is
 * valid but not the one its options describe, and a rerun is not byte-identical. Upstream this
 * is apache/parquet-java issues 3224 and 3497, fixed after the version Spark 4.0 ships.
 */
public final class OwnValuesWriters {
  private OwnValuesWriters() {}

  /** A fresh factory for {@code version}, to pass to the properties builder. */
  public static ValuesWriterFactory forVersion(WriterVersion version) {
    return version == WriterVersion.PARQUET_2_0
        ? new DefaultV2ValuesWriterFactory()
        : new DefaultV1ValuesWriterFactory();
  }
}
