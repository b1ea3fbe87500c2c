package org.winnow.loader.shard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.parquet.column.ParquetProperties;
import org.apache.parquet.column.ParquetProperties.WriterVersion;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.metadata.BlockMetaData;
import org.apache.parquet.hadoop.metadata.ColumnChunkMetaData;
import org.apache.parquet.io.LocalInputFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A shard's encodings are its own options' even while other Parquet writers in the JVM are being
 * set up with other options, as Spark's writers and the side-dataset writers are in the tasks
 * beside a tokenize task. Parquet 1.15's default values-writer factory is one shared object that
 * every new {@link ParquetProperties} re-points at itself; a writer that used it would sometimes
 * encode with another writer's settings, and reruns would not be byte-identical.
 */
class ShardWriterIsolationTest {
  @TempDir Path tmp;

  @Test
  void encodingsFollowTheShardOptionsWhileOtherWritersAreConfigured() throws Exception {
    AtomicBoolean done = new AtomicBoolean();
    AtomicLong configured = new AtomicLong();
    Thread other = new Thread(() -> {
      while (!done.get()) {
        ParquetProperties.builder().withDictionaryEncoding(true)
            .withWriterVersion(WriterVersion.PARQUET_2_0).build();
        configured.incrementAndGet();
      }
    });
    Path file = tmp.resolve("shard.parquet");
    ShardWriterOptions plain = ShardWriterOptions.DEFAULTS.withDictionary(false)
        .withRowGroupTokens(8);
    other.start();
    try (ShardWriter w = ShardWriter.create(file, plain)) {
      for (int i = 0; i < 2_000; i++) {
        w.write("doc-" + i, "web", new int[] {i, i + 1, i % 7, 3, 3, 3, 3, 50256}, 32);
      }
    } finally {
      done.set(true);
      other.join();
    }
    assertTrue(configured.get() > 0, "the other thread never ran");
    try (ParquetFileReader r = ParquetFileReader.open(new LocalInputFile(file))) {
      assertEquals(2_000, r.getFooter().getBlocks().size());
      for (BlockMetaData block : r.getFooter().getBlocks()) {
        for (ColumnChunkMetaData c : block.getColumns()) {
          assertFalse(c.hasDictionaryPage(), c.getPath() + " has a dictionary in a row group at "
              + block.getStartingPos() + " though the shard options turn dictionaries off");
        }
      }
    }
  }
}
