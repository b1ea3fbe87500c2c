package org.winnow.jobs.tokenize;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.function.Function2;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.unsafe.Platform;
import org.apache.spark.unsafe.types.UTF8String;
import org.winnow.core.ledger.Fate;
import org.winnow.core.schema.Column;
import org.winnow.core.schema.DocumentSchema;
import org.winnow.jobs.io.DroppedRowWriter;
import org.winnow.jobs.spark.JobCounters;
import org.winnow.jobs.spark.SerializableHadoopConf;
import org.winnow.loader.shard.ShardWriterOptions;
import org.winnow.loader.shard.Split;

/**
 * The whole tokenize stage for one input partition of rows {@code (id, source, text, url,
 * warc_file, warc_offset)}: tests each train document against the held-out split when asked,
 * encodes each document, writes the removed and rejected ones to {@code _removed/} and
 * {@code _rejected/} files as they come,
 * keeps the others in memory per split ({@link SplitDocuments}; the partition is one input
 * split, at most 64 MiB of Parquet), sorts each split by shuffle key and writes it into shard
 * files.
 *
 * <p>Every file goes under {@link #ATTEMPTS_DIR} with a name unique to this task attempt, so a
 * failed or speculative attempt never collides with the one whose result the driver receives;
 * the driver renames the successful attempts' files to their contract names and deletes the rest.
 */
final class TokenizeTask
    implements Function2<Integer, Iterator<InternalRow>, Iterator<TaskResult>> {
  private static final long serialVersionUID = 1L;
  /** Where tasks write, relative to the shard-set root; gone once the driver has committed. */
  static final String ATTEMPTS_DIR = "_attempts";
  /** The input row's columns, in the order of {@link #COLUMNS}. */
  private static final int ID = 0;
  private static final int SOURCE = 1;
  private static final int TEXT = 2;
  private static final int URL = 3;
  private static final int WARC_FILE = 4;
  private static final int WARC_OFFSET = 5;
  /** The document columns a task reads, in row order. */
  static final List<Column> COLUMNS = List.of(DocumentSchema.ID, DocumentSchema.SOURCE,
      DocumentSchema.TEXT, DocumentSchema.URL, DocumentSchema.WARC_FILE,
      DocumentSchema.WARC_OFFSET);

  private final Broadcast<TokenizerSource> vocabulary;
  private final DocumentPlacement placement;
  private final long maxDocumentBytes;
  private final long shardTokens;
  private final long rowGroupTokens;
  private final String root;
  private final Broadcast<SerializableHadoopConf> conf;
  private final JobCounters counters;
  private final Broadcast<ContaminationTest> contamination;
  private final String removalReason;

  /**
   * @param root the shard-set root (the job's staging directory)
   * @param contamination the test of train documents, or null for none
   */
  TokenizeTask(Broadcast<TokenizerSource> vocabulary, TokenizeSpec spec, String root,
      Broadcast<SerializableHadoopConf> conf, JobCounters counters,
      Broadcast<ContaminationTest> contamination) {
    this.vocabulary = vocabulary;
    this.placement = spec.placement();
    this.maxDocumentBytes = spec.maxDocumentBytes();
    this.shardTokens = spec.shardTokens();
    this.rowGroupTokens = spec.rowGroupTokens();
    this.root = root;
    this.conf = conf;
    this.counters = counters;
    this.contamination = contamination;
    this.removalReason = spec.decontamination().map(HeldoutDecontamination::reason).orElse(null);
  }

  @Override
  public Iterator<TaskResult> call(Integer partition, Iterator<InternalRow> rows) {
    String attempt = String.format(Locale.ROOT, "p%05d-t%d", partition,
        TaskContext.get().taskAttemptId());
    Configuration hadoop = conf.value().get();
    DocumentEncoder encoder = new DocumentEncoder(vocabulary.value().tokenizer(), placement,
        maxDocumentBytes, contamination == null ? null : contamination.value(), removalReason);
    TokenizeTally tally = new TokenizeTally();
    SplitDocuments train = new SplitDocuments();
    SplitDocuments heldout = new SplitDocuments();
    String attemptsDir = new Path(root, ATTEMPTS_DIR).toString();
    String removedName = "removed-" + attempt + ".parquet";
    String rejectedName = "rejected-" + attempt + ".parquet";
    long removedRows;
    long rejectedRows;
    try (DroppedRowWriter removed = new DroppedRowWriter(hadoop, attemptsDir, removedName);
        DroppedRowWriter rejected = new DroppedRowWriter(hadoop, attemptsDir, rejectedName)) {
      while (rows.hasNext()) {
        InternalRow row = rows.next();
        EncodedDocument d = encode(encoder, row, train, heldout);
        tally.add(d);
        counters.records().add(1);
        counters.bytes().add(d.nBytes());
        if (!d.isKept()) {
          DroppedRowWriter side = d.fate() == Fate.REMOVED ? removed : rejected;
          side.write(d.docId(), string(row, URL), TokenizeJob.STAGE, d.reason(), d.detail(),
              string(row, WARC_FILE), row.isNullAt(WARC_OFFSET) ? -1L : row.getLong(WARC_OFFSET),
              "");
        }
      }
      removedRows = removed.rows();
      rejectedRows = rejected.rows();
    }
    // Dictionary encoding (the default) writes as fast as plain once warm, and smaller files.
    ShardWriterOptions options = ShardWriterOptions.DEFAULTS.withRowGroupTokens(rowGroupTokens);
    RollingShardWriter shards = new RollingShardWriter(root, hadoop, options, shardTokens,
        (split, n) -> String.format(Locale.ROOT, "%s/%s-%s-%03d.parquet", ATTEMPTS_DIR,
            split.dirName(), attempt, n));
    List<WrittenShard> written = new ArrayList<>();
    written.addAll(shards.write(Split.TRAIN, train));
    written.addAll(shards.write(Split.HELDOUT, heldout));
    return List.of(new TaskResult(partition, written, tally,
        new TaskResult.SideFile(ATTEMPTS_DIR + "/" + removedName, removedRows),
        new TaskResult.SideFile(ATTEMPTS_DIR + "/" + rejectedName, rejectedRows))).iterator();
  }

  private static String string(InternalRow row, int column) {
    return row.isNullAt(column) ? "" : row.getUTF8String(column).toString();
  }

  /**
   * Encodes the row's text from the bytes as the row holds them: Spark's internal rows keep
   * strings as raw UTF-8, so invalid bytes reach the encoder's check as they were stored, and
   * the text is not copied out of the row (only an off-heap row's is).
   */
  private static EncodedDocument encode(DocumentEncoder encoder, InternalRow row,
      SplitDocuments train, SplitDocuments heldout) {
    String id = row.isNullAt(ID) ? null : row.getUTF8String(ID).toString();
    String source = row.isNullAt(SOURCE) ? null : row.getUTF8String(SOURCE).toString();
    if (row.isNullAt(TEXT)) {
      return encoder.encode(id, source, null, 0, 0, train, heldout);
    }
    UTF8String text = row.getUTF8String(TEXT);
    if (text.getBaseObject() instanceof byte[] base) {
      int offset = Math.toIntExact(text.getBaseOffset() - Platform.BYTE_ARRAY_OFFSET);
      return encoder.encode(id, source, base, offset, text.numBytes(), train, heldout);
    }
    byte[] copy = text.getBytes();
    return encoder.encode(id, source, copy, 0, copy.length, train, heldout);
  }
}
