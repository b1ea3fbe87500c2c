package org.winnow.jobs.spark;

import java.io.Serial;
import java.io.Serializable;
import org.apache.spark.SparkContext;
import org.apache.spark.util.LongAccumulator;

/**
 * Live counters a job's tasks update while they read input: records produced, input bytes read,
 * files finished. They feed the progress line only; retried or recomputed tasks count again, so
 * the ledger never relies on them.
 */
public final class JobCounters implements Serializable {
  @Serial private static final long serialVersionUID = 1L;

  private final LongAccumulator records;
  private final LongAccumulator bytes;
  private final LongAccumulator files;

  private JobCounters(LongAccumulator records, LongAccumulator bytes, LongAccumulator files) {
    this.records = records;
    this.bytes = bytes;
    this.files = files;
  }

  /** Registers the counters with {@code sc} under names that start with {@code prefix}. */
  public static JobCounters register(SparkContext sc, String prefix) {
    return new JobCounters(
        sc.longAccumulator(prefix + ".records"),
        sc.longAccumulator(prefix + ".bytes"),
        sc.longAccumulator(prefix + ".files"));
  }

  public LongAccumulator records() {
    return records;
  }

  public LongAccumulator bytes() {
    return bytes;
  }

  public LongAccumulator files() {
    return files;
  }
}
