package org.winnow.loader.shard;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.winnow.loader.manifest.ShardManifest;
import org.winnow.loader.manifest.ShardSummary;
import org.winnow.loader.manifest.SourceTotals;
import org.winnow.loader.manifest.SplitSummary;
import org.winnow.loader.store.LocalShardStore;
import org.winnow.loader.testing.ShardFixture;

/** The shard-set writer lays out parts and a manifest whose counts match the files. */
class ShardSetWriterTest {
  @TempDir Path tmp;

  @Test
  void partsAndManifestFollowTheContract() throws Exception {
    Path root = tmp.resolve("out");
    List<int[]> written = new ArrayList<>();
    try (ShardSetWriter w = ShardSetWriter.create(root, ShardFixture.TOKENIZER,
        Map.of("salt", "s1"), ShardWriterOptions.DEFAULTS.withRowGroupTokens(100), 250)) {
      for (int i = 0; i < 40; i++) {
        int[] t = new int[1 + i % 17];
        java.util.Arrays.fill(t, i);
        t[t.length - 1] = 50256;
        Split split = i % 5 == 0 ? Split.HELDOUT : Split.TRAIN;
        w.add(split, "d" + i, i % 2 == 0 ? "europarl" : "wiki", t, t.length * 4L);
        if (split == Split.TRAIN) {
          written.add(t);
        }
      }
    }
    ShardManifest m = ShardManifest.parse(Files.readAllBytes(root.resolve("manifest.json")),
        "manifest");
    assertEquals(ShardFixture.TOKENIZER, m.tokenizer());
    assertEquals("s1", m.config().get("salt"));
    SplitSummary train = m.split(Split.TRAIN, "manifest");
    assertEquals(32, train.documents());
    long tokens = 0;
    int row = 0;
    for (ShardSummary s : train.shards()) {
      assertTrue(s.file().matches("train/part-\\d{5}\\.parquet"), s.file());
      try (ShardFile f = ShardFile.open(LocalShardStore.INSTANCE,
          root.resolve(s.file()).toString())) {
        assertEquals(s.rows(), f.rows());
        assertEquals(s.rowGroups().size(), f.rowGroupCount());
        for (int g = 0; g < f.rowGroupCount(); g++) {
          DecodedRowGroup d = f.decode(g, DecodeColumns.ALL);
          assertEquals(s.rowGroups().get(g).tokens(), d.tokenCount());
          for (int r = 0; r < d.rows(); r++) {
            assertArrayEquals(written.get(row++), d.tokens(r));
          }
        }
      }
      tokens += s.tokens();
    }
    assertEquals(train.tokens(), tokens);
    assertTrue(train.shards().size() > 1, "parts roll over at 250 tokens");
    assertEquals(16, train.sources().get("europarl").documents());
    assertEquals(16, train.sources().get("wiki").documents());
    SourceTotals heldout = m.split(Split.HELDOUT, "manifest").sources().get("europarl");
    assertEquals(4, heldout.documents());
  }

  @Test
  void refusesToOverwriteAShardSet() throws Exception {
    Path root = tmp.resolve("out");
    ShardSetWriter.create(root, ShardFixture.TOKENIZER, Map.of(), ShardWriterOptions.DEFAULTS, 10)
        .close();
    IOException e = assertThrows(IOException.class, () -> ShardSetWriter.create(root,
        ShardFixture.TOKENIZER, Map.of(), ShardWriterOptions.DEFAULTS, 10));
    assertTrue(e.getMessage().contains("already holds a shard set"), e.getMessage());
  }
}
