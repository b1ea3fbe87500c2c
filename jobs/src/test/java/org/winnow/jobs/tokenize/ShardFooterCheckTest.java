package org.winnow.jobs.tokenize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.winnow.core.ledger.LedgerImbalanceException;
import org.winnow.jobs.io.HadoopOutputStore;
import org.winnow.loader.manifest.ShardSummary;
import org.winnow.loader.manifest.SplitSummary;
import org.winnow.loader.shard.ShardWriter;
import org.winnow.loader.shard.ShardWriterOptions;

/** The manifest's shards checked against real shard files' footers. */
class ShardFooterCheckTest {
  private static final Configuration HADOOP = new Configuration();
  private static final HadoopOutputStore STORE = new HadoopOutputStore(HADOOP);

  @TempDir Path root;

  @Test
  void countsTheRowsWhenEveryFooterAgrees() throws IOException {
    Map<String, SplitSummary> splits = splits(List.of(shard("train/part-00000.parquet", 3),
        shard("train/part-00001.parquet", 2)), List.of(shard("heldout/part-00000.parquet", 1)));
    assertEquals(6, ShardFooterCheck.writtenRows(splits, HADOOP, STORE, root.toString()));
  }

  @Test
  void anEmptySplitMayHaveNoDirectory() throws IOException {
    Map<String, SplitSummary> splits =
        splits(List.of(shard("train/part-00000.parquet", 2)), List.of());
    assertEquals(2, ShardFooterCheck.writtenRows(splits, HADOOP, STORE, root.toString()));
  }

  @Test
  void aShardWithOtherRowsThanListedIsAnImbalance() throws IOException {
    ShardSummary written = shard("train/part-00000.parquet", 3);
    ShardSummary claimed = new ShardSummary(written.file(), 4, written.tokens(), List.of());
    Map<String, SplitSummary> splits = splits(List.of(claimed), List.of());
    LedgerImbalanceException e = assertThrows(LedgerImbalanceException.class,
        () -> ShardFooterCheck.writtenRows(splits, HADOOP, STORE, root.toString()));
    assertTrue(e.getMessage().contains("lists 4 rows in train/part-00000.parquet, its footer 3"),
        e.getMessage());
  }

  @Test
  void aListedShardThatIsNotThereIsAnImbalance() throws IOException {
    ShardSummary written = shard("train/part-00000.parquet", 3);
    ShardSummary missing = new ShardSummary("train/part-00001.parquet", 1, 2, List.of());
    Map<String, SplitSummary> splits = splits(List.of(written, missing), List.of());
    LedgerImbalanceException e = assertThrows(LedgerImbalanceException.class,
        () -> ShardFooterCheck.writtenRows(splits, HADOOP, STORE, root.toString()));
    assertTrue(e.getMessage().contains("part-00001.parquet, its footer is missing"),
        e.getMessage());
  }

  @Test
  void aFileBesideTheListedOnesIsAnImbalance() throws IOException {
    ShardSummary listed = shard("train/part-00000.parquet", 3);
    shard("train/part-00001.parquet", 1);
    Map<String, SplitSummary> splits = splits(List.of(listed), List.of());
    LedgerImbalanceException e = assertThrows(LedgerImbalanceException.class,
        () -> ShardFooterCheck.writtenRows(splits, HADOOP, STORE, root.toString()));
    assertTrue(e.getMessage().contains("but 2 files with 4 rows are there"), e.getMessage());
  }

  /** Writes a shard of {@code rows} two-token documents at {@code file} under the root. */
  private ShardSummary shard(String file, int rows) throws IOException {
    Path path = root.resolve(file);
    Files.createDirectories(path.getParent());
    try (ShardWriter w = ShardWriter.create(path, ShardWriterOptions.DEFAULTS)) {
      for (int i = 0; i < rows; i++) {
        w.write(file + "#" + i, "test", new int[] {i, 0}, 2);
      }
      w.close();
      return new ShardSummary(file, w.rows(), w.tokens(), w.rowGroups());
    }
  }

  private static Map<String, SplitSummary> splits(List<ShardSummary> train,
      List<ShardSummary> heldout) {
    Map<String, SplitSummary> splits = new LinkedHashMap<>();
    splits.put("train", summary(train));
    splits.put("heldout", summary(heldout));
    return splits;
  }

  private static SplitSummary summary(List<ShardSummary> shards) {
    return new SplitSummary(shards.stream().mapToLong(ShardSummary::rows).sum(),
        shards.stream().mapToLong(ShardSummary::tokens).sum(), shards, Map.of());
  }
}
