package org.winnow.loader.manifest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.winnow.loader.shard.ShardException;
import org.winnow.loader.shard.Split;

/** The manifest of DESIGN.md: parsed as written there, extra keys ignored, errors located. */
class ShardManifestTest {
  private static final String SHA = "ab".repeat(32);
  private static final String DESIGN_EXAMPLE = "{\"tokenizer\": {\"name\": \"r50k_base\", "
      + "\"vocab_size\": 50257, \"sha256\": \"" + SHA + "\", \"eot_id\": 50256}, \"splits\": "
      + "{\"train\": {\"documents\": 3, \"tokens\": 30, \"shards\": [{\"file\": "
      + "\"train/part-00000.parquet\", \"rows\": 3, \"tokens\": 30}], \"sources\": {\"europarl\": "
      + "{\"documents\": 3, \"tokens\": 30}}}, \"heldout\": {\"documents\": 0, \"tokens\": 0, "
      + "\"shards\": [], \"sources\": {}}}, \"config\": {\"salt\": \"x\"}, \"written_at\": 5}";

  @Test
  void parsesTheDesignShapeAndIgnoresUnknownKeys() {
    ShardManifest m = ShardManifest.parse(bytes(DESIGN_EXAMPLE), "m.json");
    assertEquals(new TokenizerIdentity("r50k_base", 50257, SHA, 50256), m.tokenizer());
    SplitSummary train = m.split(Split.TRAIN, "m.json");
    assertEquals(3, train.documents());
    assertEquals(List.of(new ShardSummary("train/part-00000.parquet", 3, 30, List.of())),
        train.shards());
    assertEquals(Map.of("europarl", new SourceTotals(3, 30)), train.sources());
    assertEquals("x", m.config().get("salt"));
    assertEquals(m, ShardManifest.parse(m.toJson(), "again"));
    m.requireTokenizer(SHA.toUpperCase(java.util.Locale.ROOT), "m.json");
  }

  @Test
  void rowGroupsRoundTripWhenListed() {
    ShardSummary s = new ShardSummary("train/part-00001.parquet", 5, 50,
        List.of(new RowGroupSummary(2, 20), new RowGroupSummary(3, 30)));
    ShardManifest m = new ShardManifest(new TokenizerIdentity("t", 10, SHA, 9),
        Map.of("train", new SplitSummary(5, 50, List.of(s), Map.of())), Map.of());
    String json = new String(m.toJson(), StandardCharsets.UTF_8);
    assertTrue(json.contains("\"row_groups\""), json);
    assertEquals(m, ShardManifest.parse(m.toJson(), "m"));
  }

  @Test
  void errorsNameTheManifestAndTheProblem() {
    ShardException noTokenizer = assertThrows(ShardException.class,
        () -> ShardManifest.parse(bytes("{\"splits\": {}}"), "/data/manifest.json"));
    assertTrue(noTokenizer.getMessage().startsWith("/data/manifest.json: invalid manifest")
        && noTokenizer.getMessage().contains("tokenizer"), noTokenizer.getMessage());
    ShardException badHash = assertThrows(ShardException.class, () -> ShardManifest.parse(
        bytes(DESIGN_EXAMPLE.replace(SHA, "abc")), "/data/manifest.json"));
    assertTrue(badHash.getMessage().contains("64 hex digits"), badHash.getMessage());
    ShardException notJson = assertThrows(ShardException.class,
        () -> ShardManifest.parse(bytes("{\"tokenizer\": "), "/data/manifest.json"));
    assertTrue(notJson.getMessage().startsWith("/data/manifest.json"), notJson.getMessage());
    ShardManifest m = ShardManifest.parse(bytes(DESIGN_EXAMPLE), "m.json");
    TokenizerMismatchException mismatch = assertThrows(TokenizerMismatchException.class,
        () -> m.requireTokenizer("cd".repeat(32), "/data/manifest.json"));
    assertTrue(mismatch.getMessage().contains("cd".repeat(32))
        && mismatch.getMessage().contains(SHA), mismatch.getMessage());
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
