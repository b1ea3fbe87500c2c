package org.winnow.jobs.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.column.ParquetProperties;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.metadata.ColumnChunkMetaData;
import org.apache.parquet.io.LocalInputFile;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.winnow.jobs.spark.SparkSchemas;
import org.winnow.jobs.testing.SharedSpark;

/** Side rows written from inside a task read back through Spark with the dropped schema. */
class DroppedRowWriterTest {
  @TempDir static Path tmp;
  @RegisterExtension static final SharedSpark SPARK = new SharedSpark();

  @Test
  void rowsReadBackWithTheDroppedSchema() {
    String dir = tmp.resolve("removed").toString();
    try (DroppedRowWriter w = new DroppedRowWriter(new Configuration(), dir, "part-00003.parquet")) {
      w.write("a", "https://x.test/", "filter", "gopher_words", "12 words", "f.warc.gz", 7, "t");
      w.write("b", null, "filter", "too_large", "", null, -1, null);
      assertEquals(2, w.rows());
    }
    List<Row> rows = SPARK.session().read().parquet(dir).orderBy("id").collectAsList();
    assertEquals(SparkSchemas.dropped().fieldNames().length,
        SPARK.session().read().parquet(dir).schema().size());
    assertEquals(List.of(SparkSchemas.dropped().fieldNames()),
        List.of(SPARK.session().read().parquet(dir).schema().fieldNames()));
    assertEquals("https://x.test/", rows.get(0).getString(1));
    assertEquals(7L, rows.get(0).getLong(6));
    assertEquals("", rows.get(1).getString(1), "null strings are written empty");
    assertEquals(-1L, rows.get(1).getLong(6));
    assertEquals(2, ParquetParts.in(new Configuration(), dir).rows());
  }

  @Test
  void noRowsLeaveNoFile() {
    Path dir = tmp.resolve("empty");
    try (DroppedRowWriter w = new DroppedRowWriter(new Configuration(), dir.toString(),
        "part-00000.parquet")) {
      assertEquals(0, w.rows());
    }
    assertFalse(Files.exists(dir.resolve("part-00000.parquet")));
  }

  @Test
  void anEmptySideDatasetReadsBackWithItsSchema() {
    String dir = tmp.resolve("none").toString();
    DroppedRowWriter.writeEmpty(new Configuration(), dir, "part-00000.parquet");
    assertEquals(List.of(SparkSchemas.dropped().fieldNames()),
        List.of(SPARK.session().read().parquet(dir).schema().fieldNames()));
    assertEquals(0, SPARK.session().read().parquet(dir).count());
  }

  @Test
  void aRetriedAttemptOverwritesItsFile() {
    String dir = tmp.resolve("retry").toString();
    for (int attempt = 0; attempt < 2; attempt++) {
      try (DroppedRowWriter w = new DroppedRowWriter(new Configuration(), dir,
          "part-00001.parquet")) {
        w.write("id" + attempt, "u", "s", "r", "d", "w", 0, "");
      }
    }
    assertEquals(1, ParquetParts.in(new Configuration(), dir).rows());
  }

  @Test
  void textIsNeverDictionaryEncodedWhileOtherWritersAreConfigured() throws Exception {
    AtomicBoolean done = new AtomicBoolean();
    Thread other = new Thread(() -> {
      while (!done.get()) {
        ParquetProperties.builder().withDictionaryEncoding(true).build();
      }
    });
    Path dir = tmp.resolve("isolated");
    other.start();
    try {
      for (int i = 0; i < 200; i++) {
        try (DroppedRowWriter w = new DroppedRowWriter(new Configuration(), dir.toString(),
            "part-" + i + ".parquet")) {
          // Repeated values, so that every column a dictionary is allowed for keeps one.
          for (int row = 0; row < 5; row++) {
            w.write("id" + i, "u", "s", "r", "d", "w", 0, "same text");
          }
        }
      }
    } finally {
      done.set(true);
      other.join();
    }
    for (int i = 0; i < 200; i++) {
      try (ParquetFileReader r = ParquetFileReader.open(
          new LocalInputFile(dir.resolve("part-" + i + ".parquet")))) {
        for (ColumnChunkMetaData c : r.getFooter().getBlocks().get(0).getColumns()) {
          assertEquals(!c.getPath().toDotString().equals("text"), c.hasDictionaryPage(),
              "part-" + i + " " + c.getPath());
        }
      }
    }
  }
}
