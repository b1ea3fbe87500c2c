package org.winnow.jobs.io;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.ColumnWriteStore;
import org.apache.parquet.column.ParquetProperties;
import org.apache.parquet.column.ParquetProperties.WriterVersion;
import org.apache.parquet.compression.CompressionCodecFactory;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.hadoop.CodecFactory;
import org.apache.parquet.hadoop.ColumnChunkPageWriteStore;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.hadoop.util.HadoopOutputFile;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Type.Repetition;
import org.apache.parquet.schema.Types;
import org.winnow.core.ledger.DroppedSchema;
import org.winnow.core.schema.Column;
import org.winnow.loader.shard.OwnValuesWriters;

/**
 * Writes {@code _removed/} or {@code _rejected/} rows ({@link DroppedSchema#COLUMNS}) from inside a
 * task, beside whatever the task's main output is, so a stage needs one pass over its input and no
 * second Spark write for its side datasets. The file is created on the first row: a task that
 * drops nothing leaves no empty file behind.
 *
 * <p>The dropped schema has no nulls; an absent string is written as {@code ""}, as the Spark
 * writers of the other stages do.
 *
 * <p>It drives Parquet's column writers itself rather than through {@code ParquetWriter}, whose
 * builder cannot be given a values-writer factory of its own (see {@link OwnValuesWriters}):
 * with the shared one, the text column was dictionary-encoded in about one run in seven, when a
 * writer in another task was being set up at the same moment.
 */
public final class DroppedRowWriter implements Closeable {
  /** The Parquet schema of {@link DroppedSchema#COLUMNS}, as Spark writes and reads it. */
  public static final MessageType SCHEMA = schema();
  /** Buffered bytes at which a row group is closed: Parquet's and Spark's default block size. */
  private static final long ROW_GROUP_BYTES = 128L << 20;
  private static final int PAGE_BYTES = 1 << 20;
  private static final List<ColumnDescriptor> COLUMNS = SCHEMA.getColumns();
  private static final int WARC_OFFSET = SCHEMA.getFieldIndex("warc_offset");

  private final Configuration conf;
  private final Path path;
  private ParquetFileWriter file;
  private CodecFactory codecs;
  private ParquetProperties props;
  private ColumnChunkPageWriteStore pages;
  private ColumnWriteStore columns;
  private long groupRows;
  private long rows;

  /** A writer of the file {@code dir/name}, created when the first row arrives. */
  public DroppedRowWriter(Configuration conf, String dir, String name) {
    this.conf = conf;
    this.path = new Path(dir, name);
  }

  /** Appends one row, its values in {@link DroppedSchema#COLUMNS} order. */
  public void write(String id, String url, String stage, String reason, String detail,
      String warcFile, long warcOffset, String text) {
    // In column order; the one long column is written from warcOffset.
    String[] strings = {id, url, stage, reason, detail, warcFile, null, text};
    try {
      if (file == null) {
        open();
      }
      if (columns == null) {
        startRowGroup();
      }
      for (int i = 0; i < COLUMNS.size(); i++) {
        if (i == WARC_OFFSET) {
          columns.getColumnWriter(COLUMNS.get(i)).write(warcOffset, 0, 0);
        } else {
          columns.getColumnWriter(COLUMNS.get(i))
              .write(Binary.fromString(orEmpty(strings[i])), 0, 0);
        }
      }
      columns.endRecord();
      groupRows++;
      rows++;
      if (columns.getBufferedSize() >= ROW_GROUP_BYTES) {
        flushRowGroup();
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + path, e);
    }
  }

  /** Rows written so far. */
  public long rows() {
    return rows;
  }

  /** The file's path; it exists only once a row was written. */
  public String path() {
    return path.toString();
  }

  @Override
  public void close() {
    if (file == null) {
      return;
    }
    try {
      flushRowGroup();
      file.end(Map.of());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot close " + path, e);
    } finally {
      codecs.release();
      file = null;
    }
  }

  /**
   * Writes {@code dir/name} with no rows, so that a side dataset nothing was dropped into still
   * reads back with its schema, as the other stages' side datasets do.
   */
  public static void writeEmpty(Configuration conf, String dir, String name) {
    DroppedRowWriter empty = new DroppedRowWriter(conf, dir, name);
    try {
      empty.open();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + empty.path, e);
    }
    empty.close();
  }

  private void open() throws IOException {
    props = ParquetProperties.builder()
        .withPageSize(PAGE_BYTES)
        .withDictionaryPageSize(PAGE_BYTES)
        // Removed documents' text is unique per row: a dictionary would only be built and
        // dropped again.
        .withDictionaryEncoding("text", false)
        .withWriterVersion(WriterVersion.PARQUET_1_0)
        .withValuesWriterFactory(OwnValuesWriters.forVersion(WriterVersion.PARQUET_1_0))
        .build();
    codecs = new CodecFactory(new PlainParquetConfiguration(), PAGE_BYTES);
    // A retried task attempt finds its own earlier file under the same name.
    file = new ParquetFileWriter(HadoopOutputFile.fromPath(path, conf), SCHEMA,
        ParquetFileWriter.Mode.OVERWRITE, ROW_GROUP_BYTES, 0, null, props);
    file.start();
  }

  private void startRowGroup() {
    CompressionCodecFactory.BytesInputCompressor snappy =
        ((CompressionCodecFactory) codecs).getCompressor(CompressionCodecName.SNAPPY);
    pages = new ColumnChunkPageWriteStore(snappy, SCHEMA, props.getAllocator(),
        props.getColumnIndexTruncateLength(), props.getPageWriteChecksumEnabled());
    columns = props.newColumnWriteStore(SCHEMA, pages, pages);
  }

  private void flushRowGroup() throws IOException {
    if (columns == null) {
      return;
    }
    file.startBlock(groupRows);
    columns.flush();
    pages.flushToFileWriter(file);
    file.endBlock();
    columns.close();
    pages.close();
    columns = null;
    pages = null;
    groupRows = 0;
  }

  private static String orEmpty(String s) {
    return s == null ? "" : s;
  }

  private static MessageType schema() {
    Types.MessageTypeBuilder b = Types.buildMessage();
    for (Column c : DroppedSchema.COLUMNS) {
      Repetition rep = c.nullable() ? Repetition.OPTIONAL : Repetition.REQUIRED;
      switch (c.type()) {
        case STRING -> b.primitive(PrimitiveTypeName.BINARY, rep)
            .as(LogicalTypeAnnotation.stringType()).named(c.name());
        case LONG -> b.primitive(PrimitiveTypeName.INT64, rep).named(c.name());
        default -> throw new IllegalStateException("no Parquet mapping for " + c);
      }
    }
    return b.named("spark_schema");
  }
}
