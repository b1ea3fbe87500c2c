package org.winnow.loader.shard;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.parquet.column.ParquetProperties.WriterVersion;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.winnow.loader.store.LocalShardStore;
import org.winnow.loader.testing.GroupShards;

/**
 * The column decoder against Parquet's record reader on random shards (every codec, dictionary
 * and plain, page v1 and v2, pages of a few bytes, dictionary fallback, legacy list layouts), and
 * damaged files: errors that name the file, never a hang.
 */
class ShardFileTest {
  private static final String SPARK_SCHEMA = "message spark_schema { optional binary doc_id "
      + "(STRING); optional binary source (STRING); optional group tokens (LIST) { repeated group "
      + "list { optional int32 element; } } optional int64 n_bytes; }";

  @TempDir Path tmp;

  @Test
  void decodesWhatParquetsRecordReaderReadsForEveryWriterSetting() throws Exception {
    SplittableRandom rnd = new SplittableRandom(5);
    CompressionCodecName[] codecs = {CompressionCodecName.SNAPPY, CompressionCodecName.ZSTD,
        CompressionCodecName.GZIP, CompressionCodecName.UNCOMPRESSED};
    int trial = 0;
    for (CompressionCodecName codec : codecs) {
      for (WriterVersion version : WriterVersion.values()) {
        for (boolean dictionary : new boolean[] {true, false}) {
          ShardWriterOptions options = ShardWriterOptions.DEFAULTS.withCodec(codec)
              .withWriterVersion(version).withDictionary(dictionary)
              .withPageBytes(rnd.nextBoolean() ? 64 + rnd.nextInt(2000) : 1 << 20)
              .withRowGroupTokens(1 + rnd.nextInt(20_000));
          Path file = tmp.resolve("t" + trial++ + ".parquet");
          List<GroupShards.Row> rows = randomRows(rnd, 40 + rnd.nextInt(200), false);
          try (ShardWriter w = ShardWriter.create(file, options)) {
            for (GroupShards.Row r : rows) {
              w.write(r.docId(), r.source(), r.tokens(), r.nBytes());
            }
          }
          assertSameAsRecordReader(file, rows, "tokens", "list", "element");
        }
      }
    }
  }

  @Test
  void readsLegacyAndAlternativeListLayouts() throws Exception {
    String scalars = "optional binary doc_id (STRING); optional binary source (STRING); "
        + "optional int64 n_bytes; ";
    String[][] layouts = {
      {"optional group tokens (LIST) { repeated int32 array; }", "tokens", "array"},
      {"required group tokens (LIST) { repeated int32 element; }", "tokens", "element"},
      {"optional group tokens (LIST) { repeated group list { required int32 element; } }",
          "tokens", "list", "element"},
      {"optional group tokens (LIST) { repeated group list { optional int32 item; } }",
          "tokens", "list", "item"},
      {"optional group tokens (LIST) { repeated group bag { optional int32 array_element; } }",
          "tokens", "bag", "array_element"},
    };
    SplittableRandom rnd = new SplittableRandom(9);
    int i = 0;
    for (String[] layout : layouts) {
      boolean required = layout[0].startsWith("required");
      List<GroupShards.Row> rows = randomRows(rnd, 300, !required);
      Path file = tmp.resolve("legacy" + i++ + ".parquet");
      String[] path = java.util.Arrays.copyOfRange(layout, 1, layout.length);
      GroupShards.write(file, "message m { " + scalars + layout[0] + " }", rows, path);
      assertSameAsRecordReader(file, rows, path);
    }
    Path bare = tmp.resolve("bare.parquet");
    List<GroupShards.Row> rows = randomRows(rnd, 50, false);
    List<GroupShards.Row> nonEmpty = new ArrayList<>();
    for (GroupShards.Row r : rows) {
      if (r.tokens().length > 0) {
        nonEmpty.add(r);
      }
    }
    writeBare(bare, nonEmpty);
    try (ShardFile f = ShardFile.open(LocalShardStore.INSTANCE, bare.toString())) {
      DecodedRowGroup g = f.decode(0, DecodeColumns.ALL);
      for (int r = 0; r < nonEmpty.size(); r++) {
        assertArrayEquals(nonEmpty.get(r).tokens(), g.tokens(r));
      }
    }
  }

  @Test
  void wrongSchemasAreRefusedNamingFileAndColumn() throws Exception {
    String[][] cases = {
      {"message m { optional binary doc_id (STRING); optional binary source (STRING); "
          + "optional int64 n_bytes; }", "no column 'tokens'"},
      {"message m { optional binary doc_id (STRING); optional binary source (STRING); "
          + "optional int32 tokens; optional int64 n_bytes; }", "single value"},
      {"message m { optional binary doc_id (STRING); optional int32 source; optional group "
          + "tokens (LIST) { repeated group list { optional int32 element; } } optional int64 "
          + "n_bytes; }", "column 'source'"},
      {"message m { optional binary source (STRING); optional group tokens (LIST) { repeated "
          + "group list { optional int32 element; } } optional int64 n_bytes; }",
          "no column 'doc_id'"},
      {"message m { optional binary doc_id (STRING); optional binary source (STRING); optional "
          + "group tokens (LIST) { repeated group list { optional binary element; } } optional "
          + "int64 n_bytes; }", "expected int32"},
    };
    int i = 0;
    for (String[] c : cases) {
      Path file = tmp.resolve("wrong" + i++ + ".parquet");
      org.apache.parquet.schema.MessageType type =
          org.apache.parquet.schema.MessageTypeParser.parseMessageType(c[0]);
      try (org.apache.parquet.hadoop.ParquetWriter<org.apache.parquet.example.data.Group> w =
          org.apache.parquet.hadoop.example.ExampleParquetWriter
              .builder(new org.apache.parquet.io.LocalOutputFile(file))
              .withConf(new org.apache.parquet.conf.PlainParquetConfiguration())
              .withType(type).build()) {
        w.write(new org.apache.parquet.example.data.simple.SimpleGroupFactory(type).newGroup());
      }
      ShardException e = assertThrows(ShardException.class,
          () -> ShardFile.open(LocalShardStore.INSTANCE, file.toString()));
      assertTrue(e.getMessage().startsWith(file.toString() + ": wrong schema")
          && e.getMessage().contains(c[1]), e.getMessage());
    }
  }

  @Test
  void aNullTokenIsAnErrorNamingFileRowGroupAndRow() throws Exception {
    Path file = tmp.resolve("null.parquet");
    org.apache.parquet.schema.MessageType type =
        org.apache.parquet.schema.MessageTypeParser.parseMessageType(SPARK_SCHEMA);
    org.apache.parquet.example.data.simple.SimpleGroupFactory f =
        new org.apache.parquet.example.data.simple.SimpleGroupFactory(type);
    try (org.apache.parquet.hadoop.ParquetWriter<org.apache.parquet.example.data.Group> w =
        org.apache.parquet.hadoop.example.ExampleParquetWriter
            .builder(new org.apache.parquet.io.LocalOutputFile(file))
            .withConf(new org.apache.parquet.conf.PlainParquetConfiguration())
            .withType(type).build()) {
      for (int r = 0; r < 3; r++) {
        org.apache.parquet.example.data.Group g = f.newGroup();
        g.append("doc_id", "d" + r).append("source", "s").append("n_bytes", 1L);
        org.apache.parquet.example.data.Group list = g.addGroup("tokens");
        list.addGroup("list").append("element", 7);
        org.apache.parquet.example.data.Group slot = list.addGroup("list");
        if (r != 2) {
          slot.append("element", 8);
        }
        w.write(g);
      }
    }
    try (ShardFile sf = ShardFile.open(LocalShardStore.INSTANCE, file.toString())) {
      ShardException e = assertThrows(ShardException.class,
          () -> sf.decode(0, DecodeColumns.TOKENS_AND_SOURCE));
      assertEquals(file + " (row group 0): row 2 holds a null token", e.getMessage());
    }
  }

  @Test
  void aShardCutAtAnyByteIsAClearErrorNeverAHang() throws Exception {
    Path whole = tmp.resolve("whole.parquet");
    SplittableRandom rnd = new SplittableRandom(2);
    try (ShardWriter w = ShardWriter.create(whole,
        ShardWriterOptions.DEFAULTS.withRowGroupTokens(100).withPageBytes(128))) {
      for (GroupShards.Row r : randomRows(rnd, 10, false, 40)) {
        w.write(r.docId(), r.source(), r.tokens(), r.nBytes());
      }
    }
    byte[] bytes = Files.readAllBytes(whole);
    assertTrue(bytes.length < 4000, "fixture of " + bytes.length + " bytes");
    Path cut = tmp.resolve("cut.parquet");
    assertTimeoutPreemptively(Duration.ofSeconds(30), () -> {
      for (int len = 0; len < bytes.length; len += 2) {
        Files.write(cut, java.util.Arrays.copyOf(bytes, len));
        ShardException e = assertThrows(ShardException.class, () -> readAll(cut),
            "cut at " + len);
        assertTrue(e.getMessage().startsWith(cut.toString()), e.getMessage());
      }
    });
  }

  @Test
  void flippedBytesGiveAShardErrorOrTheRightTokensNeverAnythingElse() throws Exception {
    Path whole = tmp.resolve("whole.parquet");
    SplittableRandom rnd = new SplittableRandom(4);
    List<GroupShards.Row> rows = randomRows(rnd, 16, false, 60);
    try (ShardWriter w = ShardWriter.create(whole,
        ShardWriterOptions.DEFAULTS.withRowGroupTokens(100).withPageBytes(128))) {
      for (GroupShards.Row r : rows) {
        w.write(r.docId(), r.source(), r.tokens(), r.nBytes());
      }
    }
    byte[] bytes = Files.readAllBytes(whole);
    Path bad = tmp.resolve("flipped.parquet");
    assertTimeoutPreemptively(Duration.ofSeconds(30), () -> {
      for (int trial = 0; trial < 400; trial++) {
        byte[] copy = bytes.clone();
        int at = rnd.nextInt(copy.length);
        copy[at] ^= (byte) (1 + rnd.nextInt(255));
        Files.write(bad, copy);
        try {
          List<int[]> got = readAll(bad);
          assertEquals(rows.size(), got.size(), "flip at " + at);
        } catch (ShardException e) {
          assertTrue(e.getMessage().startsWith(bad.toString()), e.getMessage());
        }
      }
    });
  }

  private static List<int[]> readAll(Path file) {
    List<int[]> out = new ArrayList<>();
    try (ShardFile f = ShardFile.open(LocalShardStore.INSTANCE, file.toString())) {
      for (int g = 0; g < f.rowGroupCount(); g++) {
        DecodedRowGroup d = f.decode(g, DecodeColumns.ALL);
        for (int r = 0; r < d.rows(); r++) {
          out.add(d.tokens(r));
        }
      }
    }
    return out;
  }

  private static void assertSameAsRecordReader(Path file, List<GroupShards.Row> rows,
      String... listPath) throws Exception {
    List<int[]> expected = GroupShards.readTokens(file, listPath);
    assertEquals(rows.size(), expected.size());
    int i = 0;
    try (ShardFile f = ShardFile.open(LocalShardStore.INSTANCE, file.toString())) {
      for (int g = 0; g < f.rowGroupCount(); g++) {
        DecodedRowGroup d = f.decode(g, DecodeColumns.ALL);
        assertEquals(f.rows(g), d.rows());
        for (int r = 0; r < d.rows(); r++, i++) {
          int[] want = expected.get(i) == null ? new int[0] : expected.get(i);
          assertArrayEquals(want, d.tokens(r), file + " row " + i);
          assertEquals(rows.get(i).docId(), d.docId(r).orElseThrow());
          assertEquals(rows.get(i).source(), d.source(r));
          assertEquals(rows.get(i).nBytes(), d.nBytes(r).orElseThrow());
        }
      }
    }
    assertEquals(rows.size(), i);
  }

  /** Rows with empty lists, some null lists, and token values that defeat the dictionary. */
  private static List<GroupShards.Row> randomRows(SplittableRandom rnd, int n, boolean nulls) {
    return randomRows(rnd, n, nulls, 700);
  }

  private static List<GroupShards.Row> randomRows(SplittableRandom rnd, int n, boolean nulls,
      int maxLen) {
    List<GroupShards.Row> rows = new ArrayList<>();
    boolean wide = rnd.nextBoolean();
    for (int i = 0; i < n; i++) {
      int len = rnd.nextInt(8) == 0 ? 0 : rnd.nextInt(rnd.nextBoolean() ? 30 : maxLen);
      int[] t = new int[len];
      for (int j = 0; j < len; j++) {
        t[j] = wide ? rnd.nextInt() : rnd.nextInt(1 + rnd.nextInt(60_000));
      }
      rows.add(new GroupShards.Row("doc-" + i, "src" + rnd.nextInt(4),
          nulls && rnd.nextInt(10) == 0 ? null : t, rnd.nextLong(1L << 40)));
    }
    return rows;
  }

  private static void writeBare(Path file, List<GroupShards.Row> rows) throws Exception {
    org.apache.parquet.schema.MessageType type =
        org.apache.parquet.schema.MessageTypeParser.parseMessageType("message m { optional binary "
            + "doc_id (STRING); optional binary source (STRING); repeated int32 tokens; optional "
            + "int64 n_bytes; }");
    org.apache.parquet.example.data.simple.SimpleGroupFactory f =
        new org.apache.parquet.example.data.simple.SimpleGroupFactory(type);
    try (org.apache.parquet.hadoop.ParquetWriter<org.apache.parquet.example.data.Group> w =
        org.apache.parquet.hadoop.example.ExampleParquetWriter
            .builder(new org.apache.parquet.io.LocalOutputFile(file))
            .withConf(new org.apache.parquet.conf.PlainParquetConfiguration())
            .withType(type).build()) {
      for (GroupShards.Row r : rows) {
        org.apache.parquet.example.data.Group g = f.newGroup();
        g.append("doc_id", r.docId()).append("source", r.source()).append("n_bytes", r.nBytes());
        for (int t : r.tokens()) {
          g.append("tokens", t);
        }
        w.write(g);
      }
    }
  }
}
