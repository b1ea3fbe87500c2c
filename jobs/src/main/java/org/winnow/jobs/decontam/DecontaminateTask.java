package org.winnow.jobs.decontam;

import java.io.Serial;
import java.util.Iterator;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.util.TaskCompletionListener;
import org.winnow.core.ledger.DroppedSchema;
import org.winnow.dedup.decontam.NgramIndex;
import org.winnow.dedup.decontam.Overlap;
import org.winnow.jobs.io.DroppedRowWriter;
import org.winnow.jobs.io.KeptRows;
import org.winnow.jobs.io.TaskSideFiles;
import org.winnow.jobs.spark.JobCounters;
import org.winnow.jobs.spark.SerializableHadoopConf;
import org.winnow.jobs.spark.TallyAccumulator;

/**
 * One Spark partition of documents looked up in the broadcast n-gram index: each document comes
 * out with {@code contamination_ngrams} and {@code contamination_source} appended, in input
 * order, unless it is removed; a removed document is written by the task itself to
 * {@code _removed/} (lineage and reason, not its text: the text is the protected one). What the
 * task counted goes to the job's {@link TallyAccumulator} once its input is exhausted.
 *
 * <p>A null text shares nothing and is kept: this stage does not judge what else a row lacks.
 */
final class DecontaminateTask implements FlatMapFunction<Iterator<Row>, Row> {
  @Serial private static final long serialVersionUID = 1L;

  private final Broadcast<NgramIndex> index;
  private final DecontaminateRowLayout layout;
  private final int minMatches;
  private final boolean remove;
  private final JobCounters counters;
  private final TallyAccumulator<DecontaminationTally> tally;
  private final Broadcast<SerializableHadoopConf> hadoop;
  private final String staging;

  /** @param staging the stage's staging directory; removed documents go to its side directory */
  DecontaminateTask(Broadcast<NgramIndex> index, DecontaminateRowLayout layout,
      DecontaminateSpec spec, JobCounters counters,
      TallyAccumulator<DecontaminationTally> tally, Broadcast<SerializableHadoopConf> hadoop,
      String staging) {
    this.index = index;
    this.layout = layout;
    this.minMatches = spec.minMatches();
    this.remove = spec.remove();
    this.counters = counters;
    this.tally = tally;
    this.hadoop = hadoop;
    this.staging = staging;
  }

  @Override
  public Iterator<Row> call(Iterator<Row> rows) {
    TaskContext task = TaskContext.get();
    String name = TaskSideFiles.fileName(task.partitionId(), task.attemptNumber());
    DroppedRowWriter removed = new DroppedRowWriter(hadoop.value().get(),
        staging + "/" + DroppedSchema.REMOVED_DIR, name);
    // A failed attempt still closes its file; the driver deletes it as unlisted.
    task.addTaskCompletionListener((TaskCompletionListener) ctx -> removed.close());
    return new Partition(rows, index.value(), removed, name);
  }

  private final class Partition extends KeptRows {
    private final NgramIndex ngrams;
    private final DroppedRowWriter removed;
    private final String name;
    private final DecontaminationTally counted = new DecontaminationTally();

    Partition(Iterator<Row> input, NgramIndex ngrams, DroppedRowWriter removed, String name) {
      super(input, counters.records());
      this.ngrams = ngrams;
      this.removed = removed;
      this.name = name;
    }

    @Override
    protected Row judge(Row input) {
      String text = layout.text(input);
      Overlap overlap = text == null ? Overlap.NONE : ngrams.overlap(text);
      boolean over = overlap.matched() >= minMatches;
      counted.add(overlap, over);
      if (over && remove) {
        removed.write(layout.id(input), layout.url(input), DecontaminateJob.STAGE,
            DecontaminateJob.REASON, "shares " + overlap.matched() + " " + ngrams.n()
                + "-grams with " + overlap.topSource(),
            layout.warcFile(input), layout.warcOffset(input), "");
        return null;
      }
      return RowFactory.create(layout.keptValues(input, overlap.matched(), overlap.topSource()));
    }

    @Override
    protected void finish() {
      removed.close();
      if (removed.rows() > 0) {
        counted.sideFile(DroppedSchema.REMOVED_DIR, name);
      }
      tally.add(counted);
    }
  }
}
