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
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.winnow.jobs.testing.SharedSpark;

/** The same files split into the same tasks whatever parallelism the cluster reports. */
class FixedSplitsTest {
  @TempDir static Path tmp;
  @RegisterExtension static final SharedSpark SPARK = new SharedSpark();
  private static String input;

  @BeforeAll
  static void start() {
    input = tmp.resolve("in").toString();
    // 40 files of a few hundred KiB: enough bytes that the split size follows the parallelism.
    SPARK.session().range(0, 400_000).selectExpr("id", "repeat(cast(id as string), 8) as text")
        .repartition(40).write().parquet(input);
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
    List<Long> two = rowsPerTask(withParallelism(FixedSplits.session(SPARK.session()), 2));
    List<Long> many = rowsPerTask(withParallelism(FixedSplits.session(SPARK.session()), 300));
    assertEquals(two, many);
    assertEquals(400_000L, two.stream().mapToLong(Long::longValue).sum());
  }

  @Test
  void plainSessionsDoDependOnIt() {
    // The reason for the class: without it, the same read splits differently.
    List<Long> two = rowsPerTask(withParallelism(SPARK.session().newSession(), 2));
    List<Long> many = rowsPerTask(withParallelism(SPARK.session().newSession(), 300));
    assertNotEquals(two.size(), many.size());
  }

  @Test
  void oneDerivedSessionPerCallersSession() {
    assertSame(FixedSplits.session(SPARK.session()), FixedSplits.session(SPARK.session()));
    assertNotSame(FixedSplits.session(SPARK.session()),
        FixedSplits.session(SPARK.session().newSession()));
  }
}
