package org.winnow.tokenizer.vocab;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.winnow.tokenizer.TestCorpora;

/** Reading and writing rank files, and the errors a broken one gives. */
class TiktokenRankFileTest {

  private static TiktokenRankFile.Ranks read(String content) throws IOException {
    return TiktokenRankFile.read(new ByteArrayInputStream(content.getBytes(StandardCharsets.US_ASCII)), "ranks.tiktoken");
  }

  private static VocabFormatException failure(String content) {
    return assertThrows(VocabFormatException.class, () -> read(content));
  }

  @Test
  void readsTokensByRankSkippingBlankLines() throws IOException {
    TiktokenRankFile.Ranks ranks = read("YQ== 0\n\nYg== 2\r\nYWI= 1\n");
    assertEquals(3, ranks.count());
    assertArrayEquals("a".getBytes(StandardCharsets.US_ASCII), ranks.byRank()[0]);
    assertArrayEquals("ab".getBytes(StandardCharsets.US_ASCII), ranks.byRank()[1]);
    assertEquals(64, ranks.sha256().length());
  }

  @Test
  void writeThenReadIsTheSame() throws IOException {
    byte[][] tokens = {{0}, {(byte) 0xFF}, null, {1, 2, 3}};
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    TiktokenRankFile.write(tokens, out);
    TiktokenRankFile.Ranks back = TiktokenRankFile.read(new ByteArrayInputStream(out.toByteArray()), "x");
    assertEquals(3, back.count());
    assertArrayEquals(tokens[3], back.byRank()[3]);
    assertNull(back.byRank()[2]);
  }

  @Test
  void jtokkitsRankFilesReadWithTheirPublishedCounts() throws IOException {
    for (TiktokenEncoding encoding : TiktokenEncoding.values()) {
      try (var in = TestCorpora.jtokkitRanks(encoding)) {
        BpeDefinition definition = encoding.load(in, encoding.encodingName());
        assertEquals(encoding.encodingName(), definition.name());
      }
    }
  }

  @Test
  void aLineWithoutTheSpaceNamesItsLine() {
    VocabFormatException e = failure("YQ== 0\nYg== 1\nYWI=2\n");
    assertEquals(3, e.line());
    assertTrue(e.getMessage().startsWith("ranks.tiktoken:3: expected '<base64 token> <rank>'"), e.getMessage());
  }

  @Test
  void aDuplicatedRankNamesBothLines() {
    VocabFormatException e = failure("YQ== 0\nYg== 1\nYWI= 1\n");
    assertEquals("ranks.tiktoken:3: rank 1 already used at line 2", e.getMessage());
  }

  @Test
  void aDuplicatedTokenNamesBothLines() {
    VocabFormatException e = failure("YQ== 0\nYg== 1\nYQ== 2\n");
    assertEquals("ranks.tiktoken:3: token already listed at line 1", e.getMessage());
  }

  @Test
  void badBase64BadRanksAndEmptyFilesAreErrors() {
    assertTrue(failure("YQ== 0\n!!!! 1\n").getMessage().startsWith("ranks.tiktoken:2: invalid base64"));
    assertTrue(failure("YQ== zero\n").getMessage().startsWith("ranks.tiktoken:1: rank is not an integer"));
    assertTrue(failure("YQ== -1\n").getMessage().startsWith("ranks.tiktoken:1: negative rank"));
    assertTrue(failure("YQ== 0 extra\n").getMessage().startsWith("ranks.tiktoken:1: expected"));
    assertTrue(failure(" 0\n").getMessage().startsWith("ranks.tiktoken:1: expected"));
    assertTrue(failure("\n\n").getMessage().contains("no ranks"));
  }

  @Test
  void aRankFileOfTheWrongEncodingIsRefused() throws IOException {
    try (var in = TestCorpora.jtokkitRanks(TiktokenEncoding.R50K_BASE)) {
      VocabFormatException e = assertThrows(VocabFormatException.class,
          () -> TiktokenEncoding.CL100K_BASE.load(in, "r50k_base.tiktoken"));
      assertTrue(e.getMessage().contains("cl100k_base has 100256 ranks, this file has 50256"), e.getMessage());
    }
  }
}
