package org.winnow.jobs.io;

import static org.apache.spark.sql.functions.col;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.winnow.core.schema.DocumentSchema;

/**
 * Writes a dataset of document rows deterministically. Hash partitioning on the lineage key
 * {@code (warc_file, warc_offset)} is a pure function of the rows, unlike range partitioning
 * (its sample depends on RDD ids) or a round-robin after a shuffle (its order depends on fetch
 * order); the sort makes each file's row order fixed as well. Reruns write identical files.
 */
public final class LineageWriter {
  private LineageWriter() {}

  /** Writes {@code rows} as {@code files} Parquet files under {@code path}, which must not exist. */
  public static void write(Dataset<Row> rows, int files, String path) {
    String file = DocumentSchema.WARC_FILE.name();
    String offset = DocumentSchema.WARC_OFFSET.name();
    rows.repartition(files, col(file), col(offset))
        .sortWithinPartitions(file, offset, DocumentSchema.ID.name())
        .write()
        .mode(SaveMode.ErrorIfExists)
        .parquet(path);
  }
}
