package org.winnow.jobs.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.winnow.jobs.spark.SessionLease;
import org.winnow.jobs.testing.TestSpark;

/** The same files split into the same tasks whatever parallelism the cluster reports. */
class FixedSplitsTest {
  @TempDir static Path tmp;
  private static SessionLease lease;
  private static SparkSession spark;
  private static String input;

  @BeforeAll
  static void start() {
    lease = TestSpark.start();
    spark = lease.session();
    input = tmp.resolve("in").toString();
    // 40 files of a few hundred KiB: enough bytes that the split size follows the parallelism.
    spark.range(0, 400_000).selectExpr("id", "repeat(cast(id as string), 8) as text")
        .repartition(40).write().parquet(input);
  }

  @AfterAll
  static void stop() {
    if (lease != null) {
      lease.close();
    }
  }

  private static List<Long> rowsPerTask(SparkSession s) {
    Dataset<Row> d = s.read().parquet(input);
    List<Long> counts = new ArrayList<>();
    d.javaRDD().mapPartitions(it -> {
      long n = 0;
      for (; it.hasNext(); it.next()) {
        n++;
      }
      return List.of(n).iterator();
    }).collect().forEach(counts::add);
    return counts;
  }

  private static SparkSession withParallelism(SparkSession s, int cores) {
    s.conf().set("spark.sql.leafNodeDefaultParallelism", Integer.toString(cores));
    return s;
  }

  @Test
  void tasksDoNotDependOnTheClusterSize() {
    List<Long> two = rowsPerTask(withParallelism(FixedSplits.session(spark), 2));
    List<Long> many = rowsPerTask(withParallelism(FixedSplits.session(spark), 300));
    assertEquals(two, many);
    assertEquals(400_000L, two.stream().mapToLong(Long::longValue).sum());
  }

  @Test
  void plainSessionsDoDependOnIt() {
    // The reason for the class: without it, the same read splits differently.
    List<Long> two = rowsPerTask(withParallelism(spark.newSession(), 2));
    List<Long> many = rowsPerTask(withParallelism(spark.newSession(), 300));
    assertNotEquals(two.size(), many.size());
  }

  @Test
  void oneDerivedSessionPerCallersSession() {
    assertSame(FixedSplits.session(spark), FixedSplits.session(spark));
    assertNotSame(FixedSplits.session(spark), FixedSplits.session(spark.newSession()));
  }
}
