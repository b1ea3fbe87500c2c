package org.winnow.jobs.ingest;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.winnow.core.ledger.DroppedSchema;
import org.winnow.core.ledger.Ledger;
import org.winnow.ingest.IngestConfig;
import org.winnow.jobs.spark.SessionLease;
import org.winnow.jobs.testing.SharedData;
import org.winnow.jobs.testing.TestSpark;

/**
 * Real crawl files (Common Crawl, Heritrix, a WET file; see shared/data/warc/SOURCES.md) through
 * the job: every candidate record of every file must be accounted for, and the ledger balance.
 */
class RealWarcIngestTest {
  /** Candidate records (response, resource, conversion, revisit) per file, from SOURCES.md. */
  private static final Map<String, Long> CANDIDATES = Map.of(
      "cc-main-2020-34-excerpt.warc.gz", 16L,
      "whirlwind.warc.gz", 1L,
      "whirlwind.warc.wet.gz", 1L,
      "ukwa-govuk-BL-20140325121225068.warc.gz", 65L);

  @TempDir Path tmp;

  @Test
  void realWarcsAreIngestedAndEveryRecordAccountedFor() throws Exception {
    Path warcs = SharedData.dir("warc").orElse(null);
    Assumptions.assumeTrue(warcs != null,
        "shared/data/warc/ beside the repository is absent; real-WARC ingest not exercised");
    List<Path> files;
    try (Stream<Path> s = Files.list(warcs)) {
      files = s.filter(p -> CANDIDATES.containsKey(p.getFileName().toString())).sorted().toList();
    }
    Assumptions.assumeFalse(files.isEmpty(), "no known WARC file in " + warcs);

    try (SessionLease lease = TestSpark.start()) {
      SparkSession spark = lease.session();
      IngestSpec spec = new IngestSpec(files.stream().map(Path::toString).toList(),
          tmp.resolve("real").toString(), IngestConfig.defaults("real"), 64L << 20, false);
      IngestReport r = new IngestJob(spark, new PrintWriter(Writer.nullWriter())).run(spec);
      Ledger l = r.ledger();
      assertTrue(l.balanced(), l::toJson);
      assertTrue(l.kept() > 0, l::toJson);

      Map<String, Long> perFile = new TreeMap<>();
      countPerFile(spark.read().parquet(tmp.resolve("real").toString()), perFile);
      countPerFile(spark.read().parquet(tmp.resolve("real").resolve(DroppedSchema.REMOVED_DIR).toString()), perFile);
      countPerFile(spark.read().parquet(tmp.resolve("real").resolve(DroppedSchema.REJECTED_DIR).toString()), perFile);
      Map<String, Long> expected = new TreeMap<>();
      for (Path f : files) {
        expected.put(f.getFileName().toString(), CANDIDATES.get(f.getFileName().toString()));
      }
      assertEquals(expected, perFile, l::toJson);
      assertEquals(l.in(), perFile.values().stream().mapToLong(Long::longValue).sum());

      long blankReasons = spark.read()
          .parquet(tmp.resolve("real").resolve(DroppedSchema.REJECTED_DIR).toString())
          .where(col("reason").equalTo("").or(col("warc_file").equalTo(""))).count();
      assertEquals(0, blankReasons);
    }
  }

  private static void countPerFile(Dataset<Row> rows, Map<String, Long> into) {
    for (Row r : rows.groupBy("warc_file").count().collectAsList()) {
      String name = r.getString(0).substring(r.getString(0).lastIndexOf('/') + 1);
      into.merge(name, r.getLong(1), Long::sum);
    }
  }
}
