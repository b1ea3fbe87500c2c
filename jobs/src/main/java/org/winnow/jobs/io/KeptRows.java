package org.winnow.jobs.io;

import java.util.Iterator;
import java.util.NoSuchElementException;
import org.apache.spark.sql.Row;
import org.apache.spark.util.LongAccumulator;

/**
 * The kept rows of one partition of a one-pass stage, judged one input row at a time as Spark's
 * writer pulls them: a dropped row is written aside by {@link #judge} and skipped here. Once the
 * input is exhausted {@link #finish} runs, once, before the writer learns there is nothing more,
 * so a task hands over its tally only after it has judged every row.
 */
public abstract class KeptRows implements Iterator<Row> {
  private final Iterator<Row> input;
  private final LongAccumulator records;
  private Row next;
  private boolean done;

  /** @param records counts the input rows as they are judged (the job's live progress) */
  protected KeptRows(Iterator<Row> input, LongAccumulator records) {
    this.input = input;
    this.records = records;
  }

  /** The row to keep for {@code input}, or null when it was dropped (and written aside). */
  protected abstract Row judge(Row input);

  /** Closes what the task wrote aside and hands over its tally: its last act. */
  protected abstract void finish();

  @Override
  public final boolean hasNext() {
    while (next == null && !done) {
      if (input.hasNext()) {
        next = judge(input.next());
        records.add(1);
      } else {
        done = true;
        finish();
      }
    }
    return next != null;
  }

  @Override
  public final Row next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    Row row = next;
    next = null;
    return row;
  }
}
