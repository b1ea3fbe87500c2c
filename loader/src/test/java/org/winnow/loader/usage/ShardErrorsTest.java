package org.winnow.loader.usage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import it.unimi.dsi.fastutil.ints.IntOpenHashSet;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.metadata.ColumnChunkMetaData;
import org.apache.parquet.io.LocalInputFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.winnow.loader.Batch;
import org.winnow.loader.CorruptShardPolicy;
import org.winnow.loader.DatasetSpec;
import org.winnow.loader.LoaderWarning;
import org.winnow.loader.TokenLoader;
import org.winnow.loader.manifest.TokenizerMismatchException;
import org.winnow.loader.plan.ShuffleSpec;
import org.winnow.loader.shard.ShardException;
import org.winnow.loader.shard.ShardWriterOptions;
import org.winnow.loader.state.LoaderState;
import org.winnow.loader.testing.GroupShards;
import org.winnow.loader.testing.ShardFixture;

/**
 * Bad shards surface on the consumer's thread as errors naming the file and row group, or under
 * the skip policy as counted warnings; a mismatched tokenizer is refused before any shard is read.
 */
class ShardErrorsTest {
  @TempDir Path tmp;

  private ShardFixture.Written write(String name, boolean listRowGroups) throws Exception {
    return ShardFixture.write(tmp.resolve(name), 21, new int[][] {{6, 5}, {4, 7, 3}, {8}}, 1, 40,
        List.of("web"), 0, listRowGroups, ShardWriterOptions.DEFAULTS);
  }

  private static TokenLoader.Builder loader(ShardFixture.Written w) {
    return TokenLoader.builder()
        .dataset(DatasetSpec.of("web", w.root().toString()).withMaxEpochs(1))
        .tokenizerSha256(ShardFixture.SHA)
        .batchSize(1).seqLen(1).seed(4)
        .shuffle(new ShuffleSpec(true, 100, 2));
  }

  @Test
  void tokenizerMismatchIsRefusedNamingTheManifestAndBothHashes() throws Exception {
    ShardFixture.Written w = write("set", true);
    TokenizerMismatchException e = assertThrows(TokenizerMismatchException.class,
        () -> loader(w).tokenizerSha256(ShardFixture.OTHER_SHA).build());
    assertTrue(e.getMessage().contains(w.root().resolve("manifest.json").toString()));
    assertTrue(e.getMessage().contains(ShardFixture.SHA));
    assertTrue(e.getMessage().contains(ShardFixture.OTHER_SHA));
  }

  @Test
  void missingManifestIsNamed() throws Exception {
    ShardFixture.Written w = write("set", true);
    Files.delete(w.root().resolve("manifest.json"));
    ShardException e = assertThrows(ShardException.class, () -> loader(w).build());
    assertTrue(e.getMessage().contains("manifest.json") && e.getMessage().contains("missing"),
        e.getMessage());
  }

  @Test
  void missingShardFailsOnTheConsumerThreadNamingFileAndRowGroup() throws Exception {
    ShardFixture.Written w = write("set", true);
    Path gone = w.root().resolve("train/part-00001.parquet");
    Files.delete(gone);
    try (TokenLoader l = loader(w).build()) {
      ShardException e = assertThrows(ShardException.class, () -> {
        while (l.hasNext()) {
          l.next();
        }
      });
      assertTrue(e.getMessage().contains(gone.toString()), e.getMessage());
      assertTrue(e.getMessage().matches(".*row group [0-2].*"), e.getMessage());
      assertTrue(e.getMessage().contains("missing"), e.getMessage());
      assertTrue(java.util.Arrays.stream(e.getStackTrace())
          .anyMatch(f -> f.getClassName().equals(TokenLoader.class.getName())),
          "thrown from the consumer's call");
    }
  }

  @Test
  void missingShardIsNamedAtBuildWhenFootersAreRead() throws Exception {
    ShardFixture.Written w = write("set", false);
    Path gone = w.root().resolve("train/part-00002.parquet");
    Files.delete(gone);
    ShardException e = assertThrows(ShardException.class, () -> loader(w).build());
    assertTrue(e.getMessage().contains(gone.toString()) && e.getMessage().contains("missing"),
        e.getMessage());
  }

  @Test
  void corruptRowGroupFailsNamingFileAndRowGroup() throws Exception {
    ShardFixture.Written w = write("set", true);
    Path file = w.root().resolve("train/part-00001.parquet");
    corruptTokens(file, 1);
    try (TokenLoader l = loader(w).build()) {
      ShardException e = assertThrows(ShardException.class, () -> {
        while (l.hasNext()) {
          l.next();
        }
      });
      assertEquals(file.toString(), e.file());
      assertEquals(OptionalInt.of(1), e.rowGroup());
      assertTrue(e.getMessage().contains(file + " (row group 1)"), e.getMessage());
    }
  }

  @Test
  void wrongSchemaShardFailsNamingTheFile() throws Exception {
    ShardFixture.Written w = write("set", true);
    Path file = w.root().resolve("train/part-00002.parquet");
    List<GroupShards.Row> rows = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      rows.add(new GroupShards.Row("d" + i, "web", new int[] {1, 2, 3}, 3));
    }
    GroupShards.write(file, "message m { optional binary doc_id (STRING); optional binary source "
        + "(STRING); optional group tokens (LIST) { repeated group list { optional int64 element; "
        + "} } optional int64 n_bytes; }", rows, "tokens", "list", "element");
    try (TokenLoader l = loader(w).build()) {
      ShardException e = assertThrows(ShardException.class, () -> {
        while (l.hasNext()) {
          l.next();
        }
      });
      assertTrue(e.getMessage().contains(file.toString()) && e.getMessage().contains("wrong schema")
          && e.getMessage().contains("int64"), e.getMessage());
    }
  }

  @Test
  void skipPolicyLeavesOutOnlyTheBadRowGroupWithACountedWarning() throws Exception {
    ShardFixture.Written w = write("set", true);
    Path file = w.root().resolve("train/part-00001.parquet");
    corruptTokens(file, 1);
    List<LoaderWarning> warnings = new ArrayList<>();
    IntOpenHashSet seen = new IntOpenHashSet();
    List<String> states = new ArrayList<>();
    try (TokenLoader l = loader(w).corruptShards(CorruptShardPolicy.SKIP)
        .onWarning(warnings::add).build()) {
      Batch last = null;
      while (l.hasNext()) {
        last = l.next();
        assertTrue(seen.add(last.input(0, 0)));
        states.add(l.state().toJson());
      }
      seen.add(last.target(0, 0));
      assertEquals(1, l.warningCount());
    }
    assertEquals(1, warnings.size());
    assertEquals(file.toString(), warnings.get(0).file());
    assertEquals(OptionalInt.of(1), warnings.get(0).rowGroup());
    long expected = 0;
    for (ShardFixture.Doc d : w.docs()) {
      boolean bad = d.shard() == 1 && d.rowGroup() == 1;
      for (int t : d.tokens()) {
        assertEquals(!bad, seen.contains(t), d.id() + (bad ? " was skipped" : " was read"));
      }
      expected += bad ? 0 : d.tokens().length;
    }
    assertEquals(expected, seen.size());
    // Resuming skips the same documents: the rest of the stream is unchanged.
    int n = states.size() / 2;
    try (TokenLoader l = loader(w).corruptShards(CorruptShardPolicy.SKIP)
        .resumeFrom(LoaderState.fromJson(states.get(n))).build()) {
      for (int i = n + 1; i < states.size(); i++) {
        l.next();
        assertEquals(states.get(i), l.state().toJson());
      }
      assertFalse(l.hasNext());
    }
  }

  @Test
  void closeStopsEveryBackgroundThread() throws Exception {
    ShardFixture.Written w = write("set", true);
    try (TokenLoader l = TokenLoader.builder()
        .dataset(DatasetSpec.of("web", w.root().toString()))
        .tokenizerSha256(ShardFixture.SHA).batchSize(2).seqLen(4).build()) {
      l.next();
    }
    long deadline = System.nanoTime() + 5_000_000_000L;
    while (loaderThreads() > 0 && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }
    assertEquals(0, loaderThreads(), "loader threads still alive after close");
  }

  private static long loaderThreads() {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(t -> t.getName().startsWith("winnow-loader") && t.isAlive()).count();
  }

  /** Overwrites the middle of row group {@code rowGroup}'s tokens column chunk. */
  static void corruptTokens(Path file, int rowGroup) throws Exception {
    long start;
    long size;
    try (ParquetFileReader r = ParquetFileReader.open(new LocalInputFile(file),
        org.apache.parquet.ParquetReadOptions.builder(new PlainParquetConfiguration()).build())) {
      ColumnChunkMetaData c = r.getRowGroups().get(rowGroup).getColumns().stream()
          .filter(m -> m.getPath().toDotString().startsWith("tokens")).findFirst().orElseThrow();
      start = c.getStartingPos();
      size = c.getTotalSize();
    }
    try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
      f.seek(start + size / 2);
      byte[] junk = new byte[(int) Math.min(64, size / 3)];
      java.util.Arrays.fill(junk, (byte) 0x5A);
      f.write(junk);
    }
  }
}
