package org.winnow.jobs.spark;

import java.util.Map;
import java.util.Optional;
import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;
import org.winnow.jobs.io.NioLocalFileSystem;

/**
 * Starts the SparkSession of a command: local mode on all cores unless a master is given on the
 * command line or by {@code spark-submit}, with the settings every Winnow job relies on.
 */
public final class SparkSessions {
  /** The master used when neither {@code --master} nor {@code spark-submit} names one. */
  public static final String DEFAULT_MASTER = "local[*]";
  private static final String LOCAL_FS = "spark.hadoop.fs.file.impl";

  private SparkSessions() {}

  /**
   * Joins the session already active in this JVM (a test, a benchmark, a notebook) or starts a
   * new one that the returned lease stops.
   *
   * @param master {@code --master} from the command line, if given
   * @param extra  further settings for a new session (e.g. turning the web UI off in tests)
   */
  public static SessionLease open(String appName, Optional<String> master, Map<String, String> extra) {
    Optional<SparkSession> existing = active();
    if (existing.isPresent()) {
      return new SessionLease(existing.get(), false);
    }
    SparkConf submitted = new SparkConf();
    String chosen = master.orElseGet(() -> submitted.get("spark.master", DEFAULT_MASTER));
    SparkSession.Builder b = SparkSession.builder().appName(appName).master(chosen)
        // The CLI prints its own progress line; Spark's would interleave with it.
        .config("spark.ui.showConsoleProgress", "false")
        // Timestamps as Parquet's standard type, readable outside Spark (pyarrow, the loader).
        .config("spark.sql.parquet.outputTimestampType", "TIMESTAMP_MICROS")
        .config("spark.sql.session.timeZone", "UTC")
        // The filter stage's rows carry 60 columns; the default of 25 logs a warning per plan.
        .config("spark.sql.debug.maxToStringFields", "200");
    if (!submitted.contains(LOCAL_FS)) {
      // Local files without a chmod process per file (Hadoop's native library is absent).
      b.config(LOCAL_FS, NioLocalFileSystem.class.getName());
    }
    if (!submitted.contains("spark.executor.heartbeatInterval")) {
      // Running tasks' counters reach the progress line with each heartbeat.
      b.config("spark.executor.heartbeatInterval", "2s");
    }
    extra.forEach(b::config);
    return new SessionLease(b.getOrCreate(), true);
  }

  private static Optional<SparkSession> active() {
    scala.Option<SparkSession> s = SparkSession.getActiveSession();
    if (s.isEmpty()) {
      s = SparkSession.getDefaultSession();
    }
    return s.isDefined() && !s.get().sparkContext().isStopped() ? Optional.of(s.get()) : Optional.empty();
  }
}
