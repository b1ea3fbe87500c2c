package org.winnow.jobs.io;

import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;
import org.apache.spark.sql.SparkSession;

/**
 * A session in which the split of Parquet input into tasks depends on the input files alone.
 * Spark sizes file splits from the cluster's default parallelism unless told otherwise, so the
 * same input read on 2 cores and on 200 would give different tasks; a stage whose tasks write
 * their own output files (one pass, no shuffle) would then write different files. Here the split
 * size is {@code min(64 MiB, max(4 MiB, input bytes / 8))} on every cluster.
 *
 * <p>The session shares the caller's {@code SparkContext} and only overrides these file-split
 * settings, in its own SQL configuration; the caller's session is left as it was. It is made once
 * per caller's session and then reused: Spark keys its cache of generated code by the session's
 * class loader, so a new session per job would compile every query's code again and leave the
 * JIT to compile the new classes again (seconds of CPU per job).
 */
public final class FixedSplits {
  /** Largest split: a task's share of input stays bounded however large the files are. */
  public static final long MAX_SPLIT_BYTES = 64L << 20;
  /**
   * Splits the input aims for before the size bounds apply: few enough that each task's fixed
   * costs (launch, its output files and their writers, the commit) stay small against its work,
   * many enough to keep several cores busy on a small input. 64 made the filter job a sixth
   * slower on 200,000 documents (192 MB) than 8 does.
   */
  public static final int MIN_SPLITS = 8;
  /** Spark's cost of opening a file, in bytes; also the smallest split. */
  public static final long OPEN_COST_BYTES = 4L << 20;

  /** Derived sessions by the caller's session; an entry goes when its caller's session does. */
  private static final Map<SparkSession, SparkSession> DERIVED =
      Collections.synchronizedMap(new WeakHashMap<>());

  private FixedSplits() {}

  /** The session over {@code spark}'s context whose file splits are fixed by the input. */
  public static SparkSession session(SparkSession spark) {
    return DERIVED.computeIfAbsent(spark, FixedSplits::derive);
  }

  private static SparkSession derive(SparkSession spark) {
    SparkSession s = spark.newSession();
    s.conf().set("spark.sql.files.maxPartitionBytes", Long.toString(MAX_SPLIT_BYTES));
    s.conf().set("spark.sql.files.openCostInBytes", Long.toString(OPEN_COST_BYTES));
    s.conf().set("spark.sql.files.minPartitionNum", Integer.toString(MIN_SPLITS));
    s.conf().unset("spark.sql.files.maxPartitionNum");
    return s;
  }
}
