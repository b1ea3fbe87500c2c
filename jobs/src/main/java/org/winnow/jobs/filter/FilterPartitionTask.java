package org.winnow.jobs.filter;

import java.io.Serial;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.util.TaskCompletionListener;
import org.winnow.core.Document;
import org.winnow.core.ledger.DroppedSchema;
import org.winnow.core.ledger.Fate;
import org.winnow.core.ledger.Outcome;
import org.winnow.core.schema.DocumentSchema;
import org.winnow.filter.Evaluation;
import org.winnow.filter.FilterPipeline;
import org.winnow.filter.signals.SignalSchema;
import org.winnow.jobs.io.DroppedRowWriter;
import org.winnow.jobs.io.KeptRows;
import org.winnow.jobs.io.TaskSideFiles;
import org.winnow.jobs.spark.JobCounters;
import org.winnow.jobs.spark.SerializableHadoopConf;
import org.winnow.jobs.spark.TallyAccumulator;

/**
 * One Spark partition of documents through one {@link FilterPipeline}: the kept documents
 * ({@link FilterRowLayout#kept()}) come out, in input order; removed and rejected documents are
 * written by the task itself to {@code _removed/} and {@code _rejected/}, under names of the
 * partition and the attempt ({@link TaskSideFiles#fileName}) so a retried attempt never mixes
 * its rows with a failed one's. What the task counted goes to the job's {@link TallyAccumulator}
 * once its input is exhausted.
 *
 * <p>The task reads the text as its UTF-8 bytes ({@link FilterRowLayout#keptAsBytes()}): it
 * decodes them for the pipeline, and a kept document whose text the pipeline left alone goes out
 * with the very bytes it came with. Encoding every kept text again was about a seventh of the
 * task's work besides the pipeline, and most kept documents are unchanged (three in four of the
 * quick-start sample).
 *
 * <p>A row that is not a valid document (a null where the schema requires a value) is rejected as
 * {@code malformed_document}; a document the pipeline fails on is rejected as
 * {@code filter_error} with the exception in the detail. Both keep their lineage, so nothing
 * vanishes and the job goes on.
 */
final class FilterPartitionTask implements FlatMapFunction<Iterator<Row>, Row> {
  @Serial private static final long serialVersionUID = 1L;

  /** Reject reason of a row that is not a valid document. */
  static final String MALFORMED = "malformed_document";
  /** Reject reason of a document the filter failed on. */
  static final String ERROR = "filter_error";
  /** Lineage offset of a side row whose input had none. */
  static final long NO_OFFSET = -1;
  private static final int CORE_TEXT = DocumentSchema.COLUMNS.indexOf(DocumentSchema.TEXT);

  private final FilterSettings settings;
  private final FilterRowLayout layout;
  private final FilterSpec.Mode mode;
  private final String stage;
  private final JobCounters counters;
  private final TallyAccumulator<FilterTally> tally;
  private final Broadcast<SerializableHadoopConf> hadoop;
  private final String staging;

  /** @param staging the stage's staging directory; side files go to its side directories */
  FilterPartitionTask(FilterSettings settings, FilterRowLayout layout, FilterSpec.Mode mode,
      String stage, JobCounters counters, TallyAccumulator<FilterTally> tally,
      Broadcast<SerializableHadoopConf> hadoop, String staging) {
    this.settings = settings;
    this.layout = layout;
    this.mode = mode;
    this.stage = stage;
    this.counters = counters;
    this.tally = tally;
    this.hadoop = hadoop;
    this.staging = staging;
  }

  @Override
  public Iterator<Row> call(Iterator<Row> rows) {
    TaskContext task = TaskContext.get();
    String name = TaskSideFiles.fileName(task.partitionId(), task.attemptNumber());
    Configuration conf = hadoop.value().get();
    Partition p = new Partition(rows, settings.pipeline(),
        new DroppedRowWriter(conf, staging + "/" + DroppedSchema.REMOVED_DIR, name),
        new DroppedRowWriter(conf, staging + "/" + DroppedSchema.REJECTED_DIR, name), name);
    // A failed attempt still closes its files; the driver deletes them as unlisted.
    task.addTaskCompletionListener((TaskCompletionListener) ctx -> p.closeWriters());
    return p;
  }

  /** The kept rows of one partition through the pipeline. */
  private final class Partition extends KeptRows {
    private final FilterPipeline pipeline;
    private final DroppedRowWriter removed;
    private final DroppedRowWriter rejected;
    private final String name;
    private final int textAt = layout.at(DocumentSchema.TEXT);
    private final FilterTally counted = new FilterTally(stage);

    Partition(Iterator<Row> input, FilterPipeline pipeline, DroppedRowWriter removed,
        DroppedRowWriter rejected, String name) {
      super(input, counters.records());
      this.pipeline = pipeline;
      this.removed = removed;
      this.rejected = rejected;
      this.name = name;
    }

    @Override
    protected void finish() {
      closeWriters();
      if (removed.rows() > 0) {
        counted.sideFile(DroppedSchema.REMOVED_DIR, name);
      }
      if (rejected.rows() > 0) {
        counted.sideFile(DroppedSchema.REJECTED_DIR, name);
      }
      tally.add(counted);
    }

    void closeWriters() {
      try {
        removed.close();
      } finally {
        rejected.close();
      }
    }

    @Override
    protected Row judge(Row input) {
      Object[] v = layout.keptValues(input);
      Object[] core = layout.coreValues(v);
      byte[] utf8 = (byte[]) v[textAt];
      core[CORE_TEXT] = utf8 == null ? null : new String(utf8, StandardCharsets.UTF_8);
      Document document;
      try {
        document = DocumentSchema.fromValues(core);
      } catch (RuntimeException e) {
        return drop(core, Fate.REJECTED, MALFORMED, e.toString(), List.of());
      }
      try {
        if (mode == FilterSpec.Mode.SIGNALS) {
          return keep(v, pipeline.signals(document).toRow(), List.of(), 0, Map.of());
        }
        Evaluation e = pipeline.evaluate(document);
        if (e.outcome() instanceof Outcome.Kept k) {
          if (k.document() != document) {
            v[textAt] = k.document().text().getBytes(StandardCharsets.UTF_8);
          }
          return keep(v, e.signals().toRow(), k.modifications(), e.cleaning().charsRemoved(),
              e.pii());
        }
        Outcome.Dropped d = (Outcome.Dropped) e.outcome();
        return drop(core, d.fate(), d.reason(), d.detail(), e.failedRules());
      } catch (RuntimeException e) {
        return drop(core, Fate.REJECTED, ERROR, e.toString(), List.of());
      }
    }

    private Row keep(Object[] v, Object[] signals, List<String> modifications,
        long charsRemoved, Map<String, Integer> pii) {
      System.arraycopy(signals, 0, v, layout.signalsAt(), SignalSchema.COLUMNS.size());
      counted.kept(modifications, charsRemoved, pii);
      return RowFactory.create(v);
    }

    /** Writes the side row (lineage and the input's text) and counts it; null: nothing kept. */
    private Row drop(Object[] core, Fate fate, String reason, String detail,
        List<String> failedRules) {
      Object offset = core[DocumentSchema.COLUMNS.indexOf(DocumentSchema.WARC_OFFSET)];
      (fate == Fate.REMOVED ? removed : rejected).write(
          (String) core[DocumentSchema.COLUMNS.indexOf(DocumentSchema.ID)],
          (String) core[DocumentSchema.COLUMNS.indexOf(DocumentSchema.URL)],
          stage, reason, detail,
          (String) core[DocumentSchema.COLUMNS.indexOf(DocumentSchema.WARC_FILE)],
          offset == null ? NO_OFFSET : (Long) offset,
          (String) core[CORE_TEXT]);
      counted.dropped(fate, reason, failedRules);
      return null;
    }
  }
}
