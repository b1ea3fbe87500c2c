package org.winnow.jobs.export;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.winnow.jobs.cli.WinnowCli;
import org.winnow.loader.manifest.TokenizerIdentity;
import org.winnow.loader.shard.ShardSetWriter;
import org.winnow.loader.shard.ShardWriterOptions;
import org.winnow.loader.shard.Split;

/**
 * Exports a shard set written by the loader's writer and reads the files back with readers
 * written here from the formats' definitions (Megatron-LM's {@code indexed_dataset.py}, llm.c's
 * {@code data_common.py}), not with the exporter's code.
 */
class ShardExporterTest {
  private static final PrintWriter QUIET = new PrintWriter(Writer.nullWriter());
  private static final String SHA = "ab".repeat(32);

  @TempDir Path tmp;

  /** Writes random documents (ids below {@code vocabSize}, EOT last) and returns them by split. */
  private static Map<Split, List<int[]>> shards(Path root, int vocabSize, long seed)
      throws IOException {
    Random random = new Random(seed);
    Map<Split, List<int[]>> docs = Map.of(Split.TRAIN, new ArrayList<>(), Split.HELDOUT,
        new ArrayList<>());
    TokenizerIdentity id = new TokenizerIdentity("test", vocabSize, SHA, vocabSize - 1);
    try (ShardSetWriter w = ShardSetWriter.create(root, id, Map.of(),
        ShardWriterOptions.DEFAULTS.withRowGroupTokens(500), 2_000)) {
      for (int d = 0; d < 300; d++) {
        Split split = d % 10 == 0 ? Split.HELDOUT : Split.TRAIN;
        int[] tokens = new int[1 + random.nextInt(60)];
        for (int i = 0; i < tokens.length - 1; i++) {
          tokens[i] = random.nextInt(vocabSize - 1);
        }
        tokens[tokens.length - 1] = vocabSize - 1;
        docs.get(split).add(tokens);
        w.add(split, "d" + d, "s", tokens, tokens.length * 3L);
      }
    }
    return docs;
  }

  private static ByteBuffer le(Path file) throws IOException {
    return ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);
  }

  /** Megatron's _IndexReader and IndexedDataset.__getitem__, one document per sequence. */
  private static List<int[]> readMegatron(Path prefix) throws IOException {
    ByteBuffer idx = le(Path.of(prefix + ".idx"));
    byte[] header = new byte[9];
    idx.get(header);
    assertArrayEquals("MMIDIDX\0\0".getBytes(StandardCharsets.US_ASCII), header);
    assertEquals(1L, idx.getLong(), "version");
    int dtype = idx.get();
    int itemSize = switch (dtype) {
      case 8 -> 2;
      case 4 -> 4;
      default -> throw new AssertionError("dtype code " + dtype);
    };
    long sequences = idx.getLong();
    long documentIndices = idx.getLong();
    int[] lengths = new int[(int) sequences];
    for (int i = 0; i < lengths.length; i++) {
      lengths[i] = idx.getInt();
    }
    long[] pointers = new long[(int) sequences];
    for (int i = 0; i < pointers.length; i++) {
      pointers[i] = idx.getLong();
    }
    long[] docIdx = new long[(int) documentIndices];
    for (int i = 0; i < docIdx.length; i++) {
      docIdx[i] = idx.getLong();
    }
    assertEquals(0, idx.remaining(), "trailing bytes in .idx");
    assertEquals(0L, docIdx[0]);
    assertEquals(sequences, docIdx[docIdx.length - 1]);
    ByteBuffer bin = le(Path.of(prefix + ".bin"));
    List<int[]> docs = new ArrayList<>();
    for (int d = 0; d + 1 < docIdx.length; d++) {
      List<Integer> tokens = new ArrayList<>();
      for (long s = docIdx[d]; s < docIdx[d + 1]; s++) {
        for (int t = 0; t < lengths[(int) s]; t++) {
          int at = (int) (pointers[(int) s] + (long) t * itemSize);
          tokens.add(itemSize == 2 ? Short.toUnsignedInt(bin.getShort(at)) : bin.getInt(at));
        }
      }
      docs.add(tokens.stream().mapToInt(Integer::intValue).toArray());
    }
    long total = Arrays.stream(lengths).asLongStream().sum();
    assertEquals(total * itemSize, bin.capacity(), ".bin size");
    return docs;
  }

  /** llm.c's _load_data_shard: header checks, then uint16 tokens. */
  private static int[] readNanoGpt(Path file) throws IOException {
    ByteBuffer b = le(file);
    int[] header = new int[256];
    for (int i = 0; i < header.length; i++) {
      header[i] = b.getInt();
    }
    assertEquals(20240520, header[0], "magic");
    assertEquals(1, header[1], "version");
    int n = header[2];
    assertEquals(n * 2L, b.remaining(), file + ": token count in header");
    int[] tokens = new int[n];
    for (int i = 0; i < n; i++) {
      tokens[i] = Short.toUnsignedInt(b.getShort());
    }
    return tokens;
  }

  @Test
  void megatronFilesHoldEveryDocumentInShardOrder() throws IOException {
    for (int vocab : new int[] {50_257, 100_277}) {
      Path root = tmp.resolve("shards" + vocab);
      Map<Split, List<int[]>> docs = shards(root, vocab, vocab);
      Path out = tmp.resolve("megatron" + vocab);
      ShardExporter.export(root.toString(), List.of(Split.values()), ExportFormat.MEGATRON, out,
          ShardExporter.DEFAULT_FILE_TOKENS);
      for (Split split : Split.values()) {
        List<int[]> read = readMegatron(out.resolve(split.dirName()));
        List<int[]> want = docs.get(split);
        assertEquals(want.size(), read.size(), split.dirName());
        for (int i = 0; i < want.size(); i++) {
          assertArrayEquals(want.get(i), read.get(i), split + " document " + i);
        }
      }
      ByteBuffer idx = le(out.resolve("train.idx"));
      assertEquals(vocab < 65_500 ? 8 : 4, idx.get(17), "dtype code");
    }
  }

  @Test
  void nanoGptFilesConcatenateTheDocumentsAcrossFiles() throws IOException {
    Path root = tmp.resolve("shards");
    Map<Split, List<int[]>> docs = shards(root, 50_257, 1);
    Path out = tmp.resolve("nanogpt");
    ExportReport r = ShardExporter.export(root.toString(), List.of(Split.values()),
        ExportFormat.NANOGPT, out, 1_000);
    for (Split split : Split.values()) {
      List<Integer> want = new ArrayList<>();
      docs.get(split).forEach(d -> Arrays.stream(d).forEach(want::add));
      List<Integer> read = new ArrayList<>();
      List<Path> files = r.files().stream()
          .filter(p -> p.getFileName().toString().startsWith(split.dirName() + "_")).toList();
      for (Path f : files) {
        Arrays.stream(readNanoGpt(f)).forEach(read::add);
      }
      assertEquals(want, read, split.dirName());
      if (split == Split.TRAIN) {
        assertTrue(files.size() > 1, "train spans several files: " + files);
        assertEquals("train_000000.bin", files.get(0).getFileName().toString());
      }
    }
  }

  @Test
  void nanoGptRefusesAVocabularyThatDoesNotFitUint16() throws IOException {
    Path root = tmp.resolve("big");
    shards(root, 100_277, 2);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> ShardExporter.export(root.toString(), List.of(Split.TRAIN), ExportFormat.NANOGPT,
            tmp.resolve("never"), 1_000));
    assertTrue(e.getMessage().contains("100277") && e.getMessage().contains("uint16"),
        e.getMessage());

    StringWriter err = new StringWriter();
    int code = WinnowCli.execute(new String[] {"export", "--input", root.toString(),
        "--format", "nanogpt", "--output", tmp.resolve("never2").toString()}, QUIET,
        new PrintWriter(err));
    assertEquals(WinnowCli.FAILURE, code);
    assertTrue(err.toString().contains("uint16"), err.toString());
  }

  @Test
  void cliExportsOneSplitAndRejectsAnUnknownFormat() throws IOException {
    Path root = tmp.resolve("cli");
    Map<Split, List<int[]>> docs = shards(root, 50_257, 3);
    StringWriter stdout = new StringWriter();
    int code = WinnowCli.execute(new String[] {"export", "--input", root.toString(),
        "--format", "megatron", "--split", "heldout", "--output", tmp.resolve("m").toString()},
        new PrintWriter(stdout), QUIET);
    assertEquals(0, code);
    assertEquals(docs.get(Split.HELDOUT).size(), readMegatron(tmp.resolve("m/heldout")).size());
    assertTrue(Files.notExists(tmp.resolve("m/train.bin")));

    code = WinnowCli.execute(new String[] {"export", "--input", root.toString(), "--format",
        "arrow", "--output", tmp.resolve("x").toString()}, QUIET, QUIET);
    assertEquals(WinnowCli.USAGE, code);
  }
}
