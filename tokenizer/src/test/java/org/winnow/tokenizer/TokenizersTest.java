package org.winnow.tokenizer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.winnow.tokenizer.vocab.TiktokenEncoding;
import org.winnow.tokenizer.vocab.VocabFormatException;

/** Loading by file shape, sharing one instance per JVM, and using it from many threads. */
class TokenizersTest {

  private static Path copyRanks(TiktokenEncoding encoding, Path file) throws IOException {
    try (InputStream in = TestCorpora.jtokkitRanks(encoding)) {
      Files.copy(in, file);
    }
    return file;
  }

  @Test
  void openRecognisesAnEncodingByItsFileName(@TempDir Path dir) throws IOException {
    Path file = copyRanks(TiktokenEncoding.CL100K_BASE, dir.resolve("cl100k_base.tiktoken"));
    Tokenizer tokenizer = Tokenizers.open(file);
    assertEquals("cl100k_base", tokenizer.identity().name());
    assertEquals(100_277, tokenizer.identity().vocabSize());
    assertEquals("223921b76ee99bde995b7ff738513eef100fb51d18c93597a113bcffe865b2a7", tokenizer.identity().sha256());
    assertEquals(100_257, tokenizer.identity().endOfTextId().getAsInt());
  }

  @Test
  void openRefusesWhatItCannotRecognise(@TempDir Path dir) throws IOException {
    Path unknown = copyRanks(TiktokenEncoding.R50K_BASE, dir.resolve("mine.tiktoken"));
    VocabFormatException e = assertThrows(VocabFormatException.class, () -> Tokenizers.open(unknown));
    assertTrue(e.getMessage().contains("r50k_base, p50k_base, cl100k_base, o200k_base"), e.getMessage());
    assertThrows(VocabFormatException.class, () -> Tokenizers.open(Files.writeString(dir.resolve("vocab.txt"), "x")));
    assertThrows(VocabFormatException.class, () -> Tokenizers.open(Files.createDirectory(dir.resolve("empty"))));
  }

  @Test
  void readTakesBytesNamedLikeAFile() throws IOException {
    byte[] ranks;
    try (InputStream in = TestCorpora.jtokkitRanks(TiktokenEncoding.O200K_BASE)) {
      ranks = in.readAllBytes();
    }
    Tokenizer tokenizer = Tokenizers.read("o200k_base.tiktoken", ranks);
    assertEquals("o200k_base", tokenizer.identity().name());
    assertArrayEquals(JtokkitDuelTest.ours(TiktokenEncoding.O200K_BASE).encode("bytes from a broadcast"),
        tokenizer.encode("bytes from a broadcast"));
    assertThrows(VocabFormatException.class, () -> Tokenizers.read("vocab.bin", ranks));
  }

  @Test
  void sharedLoadsOncePerPath(@TempDir Path dir) throws IOException {
    Path file = copyRanks(TiktokenEncoding.R50K_BASE, dir.resolve("r50k_base.tiktoken"));
    assertSame(Tokenizers.shared(file), Tokenizers.shared(dir.resolve(".").resolve("r50k_base.tiktoken")));
  }

  @Test
  void oneInstanceServesManyThreads() throws Exception {
    Tokenizer tokenizer = JtokkitDuelTest.ours(TiktokenEncoding.O200K_BASE);
    List<String> docs = TestCorpora.europarlSample(400, 12);
    List<int[]> expected = new ArrayList<>();
    docs.forEach(d -> expected.add(tokenizer.encode(d)));
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<?>> futures = new ArrayList<>();
      for (int t = 0; t < 4; t++) {
        int offset = t;
        futures.add(pool.submit(() -> {
          for (int i = 0; i < docs.size(); i++) {
            int k = (i + offset * 97) % docs.size();
            assertArrayEquals(expected.get(k), tokenizer.encode(docs.get(k)));
          }
        }));
      }
      for (Future<?> f : futures) {
        f.get();
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
