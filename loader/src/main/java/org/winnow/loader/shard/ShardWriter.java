package org.winnow.loader.shard;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.ColumnWriteStore;
import org.apache.parquet.column.ParquetProperties;
import org.apache.parquet.compression.CompressionCodecFactory;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.hadoop.CodecFactory;
import org.apache.parquet.hadoop.ColumnChunkPageWriteStore;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.io.LocalOutputFile;
import org.apache.parquet.io.OutputFile;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.schema.MessageType;
import org.winnow.loader.manifest.RowGroupSummary;

/**
 * Writes one token-shard file in the contract layout ({@link ShardSchema#MESSAGE}): the scalar
 * columns through Parquet's column writers, the tokens through {@link TokenColumnWriter}, which
 * encodes whole documents at a time; a row group closes whenever it reaches the configured token
 * count.
 * Not thread-safe.
 */
public final class ShardWriter implements Closeable {
  // Only used for HDFS block padding, which is off; row groups are closed by token count.
  private static final long ROW_GROUP_BYTES = 128L << 20;
  private static final MessageType SCHEMA = ShardSchema.MESSAGE;
  private static final ColumnDescriptor DOC_ID = SCHEMA.getColumnDescription(new String[] {"doc_id"});
  private static final ColumnDescriptor SOURCE = SCHEMA.getColumnDescription(new String[] {"source"});
  private static final ColumnDescriptor TOKENS =
      SCHEMA.getColumnDescription(new String[] {"tokens", "list", "element"});
  private static final ColumnDescriptor N_BYTES =
      SCHEMA.getColumnDescription(new String[] {"n_bytes"});
  /** The columns written through Parquet's column writers: all but {@code tokens}. */
  private static final MessageType SCALARS = new MessageType(SCHEMA.getName(),
      SCHEMA.getFields().stream().filter(f -> !f.getName().equals(ShardSchema.TOKENS)).toList());

  private final String file;
  private final ShardWriterOptions options;
  private final ParquetProperties props;
  private final CodecFactory codecs;
  private final ParquetFileWriter fileWriter;
  private final List<RowGroupSummary> rowGroups = new ArrayList<>();
  private ColumnChunkPageWriteStore pageStore;
  private ColumnWriteStore columns;
  private final TokenColumnWriter tokenColumn;
  private long groupRows;
  private long groupTokens;
  private long rows;
  private long tokens;
  private boolean closed;

  private ShardWriter(OutputFile out, String file, ShardWriterOptions options) throws IOException {
    this.file = file;
    this.options = options;
    this.props = ParquetProperties.builder()
        .withPageSize(options.pageBytes())
        .withDictionaryPageSize(Math.max(options.pageBytes(), 1 << 20))
        .withDictionaryEncoding(options.dictionary())
        // Ids are unique per row: a dictionary would hash every one and then be dropped.
        .withDictionaryEncoding(ShardSchema.DOC_ID, false)
        .withWriterVersion(options.writerVersion())
        .withValuesWriterFactory(OwnValuesWriters.forVersion(options.writerVersion()))
        .build();
    this.codecs = new CodecFactory(new PlainParquetConfiguration(), options.pageBytes());
    this.tokenColumn = new TokenColumnWriter(TOKENS, options.dictionary(),
        options.writerVersion(), options.pageBytes());
    this.fileWriter = new ParquetFileWriter(out, SCHEMA, ParquetFileWriter.Mode.CREATE,
        ROW_GROUP_BYTES, 0, null, props);
    fileWriter.start();
  }

  /** Creates {@code file} (which must not exist) and writes its header. */
  public static ShardWriter create(Path file, ShardWriterOptions options) throws IOException {
    return new ShardWriter(new LocalOutputFile(file), file.toString(), options);
  }

  /** Writes to any Parquet {@link OutputFile}; {@code name} is used in error messages. */
  public static ShardWriter create(OutputFile out, String name, ShardWriterOptions options)
      throws IOException {
    return new ShardWriter(out, name, options);
  }

  /** Appends one document; {@code tokens} should end with the tokenizer's end-of-text id. */
  public void write(String docId, String source, int[] tokens, long nBytes) throws IOException {
    write(docId, source, tokens, 0, tokens.length, nBytes);
  }

  /** Appends one document whose tokens are {@code tokens[from, to)}. */
  public void write(String docId, String source, int[] tokens, int from, int to, long nBytes)
      throws IOException {
    if (closed) {
      throw new IllegalStateException(file + ": writer is closed");
    }
    if (docId == null || source == null) {
      throw new IllegalArgumentException(file + ": doc_id and source are required, got doc_id="
          + docId + " source=" + source);
    }
    if (columns == null) {
      startRowGroup();
    }
    columns.getColumnWriter(DOC_ID).write(Binary.fromString(docId), 0, 1);
    columns.getColumnWriter(SOURCE).write(Binary.fromString(source), 0, 1);
    tokenColumn.add(tokens, from, to);
    columns.getColumnWriter(N_BYTES).write(nBytes, 0, 1);
    columns.endRecord();
    groupRows++;
    groupTokens += to - from;
    rows++;
    this.tokens += to - from;
    if (groupTokens >= options.rowGroupTokens()) {
      flushRowGroup();
    }
  }

  /** Closes the current row group now, if it holds any row; the next row starts a new one. */
  public void endRowGroup() throws IOException {
    flushRowGroup();
  }

  /** Rows written so far. */
  public long rows() {
    return rows;
  }

  /** Tokens written so far. */
  public long tokens() {
    return tokens;
  }

  /** The row groups closed so far (all of them after {@link #close()}). */
  public List<RowGroupSummary> rowGroups() {
    return List.copyOf(rowGroups);
  }

  private void startRowGroup() {
    CompressionCodecFactory.BytesInputCompressor compressor =
        ((CompressionCodecFactory) codecs).getCompressor(options.codec());
    pageStore = new ColumnChunkPageWriteStore(compressor, SCHEMA,
        props.getAllocator(), props.getColumnIndexTruncateLength(),
        props.getPageWriteChecksumEnabled());
    columns = props.newColumnWriteStore(SCALARS, pageStore, pageStore);
    tokenColumn.startRowGroup(pageStore.getPageWriter(TOKENS));
  }

  private void flushRowGroup() throws IOException {
    if (columns == null) {
      return;
    }
    fileWriter.startBlock(groupRows);
    columns.flush();
    tokenColumn.finishRowGroup();
    pageStore.flushToFileWriter(fileWriter);
    fileWriter.endBlock();
    columns.close();
    pageStore.close();
    columns = null;
    pageStore = null;
    rowGroups.add(new RowGroupSummary(groupRows, groupTokens));
    groupRows = 0;
    groupTokens = 0;
  }

  /** Closes the last row group and writes the footer. */
  @Override
  public void close() throws IOException {
    if (closed) {
      return;
    }
    closed = true;
    try {
      flushRowGroup();
      fileWriter.end(Map.of());
    } finally {
      codecs.release();
    }
  }
}
