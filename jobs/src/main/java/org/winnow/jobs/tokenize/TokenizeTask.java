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
import org.winnow.jobs.io.DroppedRowWriter;
import org.winnow.jobs.spark.JobCounters;
import org.winnow.jobs.spark.SerializableHadoopConf;
import org.winnow.loader.shard.ShardWriterOptions;
import org.winnow.loader.shard.Split;

/**
 * The whole tokenize stage for one input partition of rows {@code (id, source, text)}:
 * encodes each document, writes the rejected ones to a {@code _rejected/} file as they come,
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

  private final Broadcast<TokenizerSource> vocabulary;
  private final DocumentPlacement placement;
  private final long maxDocumentBytes;
  private final long shardTokens;
  private final long rowGroupTokens;
  private final String root;
  private final Broadcast<SerializableHadoopConf> conf;
  private final JobCounters counters;

  /** @param root the shard-set root (the job's staging directory) */
  TokenizeTask(Broadcast<TokenizerSource> vocabulary, TokenizeSpec spec, String root,
      Broadcast<SerializableHadoopConf> conf, JobCounters counters) {
    this.vocabulary = vocabulary;
    this.placement = spec.placement();
    this.maxDocumentBytes = spec.maxDocumentBytes();
    this.shardTokens = spec.shardTokens();
    this.rowGroupTokens = spec.rowGroupTokens();
    this.root = root;
    this.conf = conf;
    this.counters = counters;
  }

  @Override
  public Iterator<TaskResult> call(Integer partition, Iterator<InternalRow> rows) {
    String attempt = String.format(Locale.ROOT, "p%05d-t%d", partition,
        TaskContext.get().taskAttemptId());
    Configuration hadoop = conf.value().get();
    DocumentEncoder encoder =
        new DocumentEncoder(vocabulary.value().tokenizer(), placement, maxDocumentBytes);
    TokenizeTally tally = new TokenizeTally();
    SplitDocuments train = new SplitDocuments();
    SplitDocuments heldout = new SplitDocuments();
    String rejectedFile = ATTEMPTS_DIR + "/rejected-" + attempt + ".parquet";
    long rejectedRows;
    try (DroppedRowWriter rejected = new DroppedRowWriter(hadoop,
        new Path(root, ATTEMPTS_DIR).toString(), new Path(rejectedFile).getName())) {
      while (rows.hasNext()) {
        InternalRow row = rows.next();
        EncodedDocument d = encode(encoder, row, train, heldout);
        tally.add(d);
        counters.records().add(1);
        counters.bytes().add(d.nBytes());
        if (!d.isKept()) {
          rejected.write(d.docId(), "", TokenizeJob.STAGE, d.reason(), d.detail(), "", -1L, "");
        }
      }
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
    return List.of(new TaskResult(partition, written, tally, rejectedFile, rejectedRows))
        .iterator();
  }

  /**
   * Encodes the row's text from the bytes as the row holds them: Spark's internal rows keep
   * strings as raw UTF-8, so invalid bytes reach the encoder's check as they were stored, and
   * the text is not copied out of the row (only an off-heap row's is).
   */
  private static EncodedDocument encode(DocumentEncoder encoder, InternalRow row,
      SplitDocuments train, SplitDocuments heldout) {
    String id = row.isNullAt(0) ? null : row.getUTF8String(0).toString();
    String source = row.isNullAt(1) ? null : row.getUTF8String(1).toString();
    if (row.isNullAt(2)) {
      return encoder.encode(id, source, null, 0, 0, train, heldout);
    }
    UTF8String text = row.getUTF8String(2);
    if (text.getBaseObject() instanceof byte[] base) {
      int offset = Math.toIntExact(text.getBaseOffset() - Platform.BYTE_ARRAY_OFFSET);
      return encoder.encode(id, source, base, offset, text.numBytes(), train, heldout);
    }
    byte[] copy = text.getBytes();
    return encoder.encode(id, source, copy, 0, copy.length, train, heldout);
  }
}
