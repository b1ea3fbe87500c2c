package org.winnow.tokenizer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import it.unimi.dsi.fastutil.ints.IntArrayList;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.winnow.tokenizer.vocab.TiktokenEncoding;

/**
 * Documents as they come out of storage: empty, huge, with bytes that were not UTF-8, with lone
 * surrogates. Bad vocabulary files are in the {@code vocab} package's tests.
 */
class BadInputTest {

  private final Tokenizer r50k = JtokkitDuelTest.ours(TiktokenEncoding.R50K_BASE);

  @Test
  void emptyDocumentHasNoTokens() {
    assertEquals(0, r50k.encode("").length);
    assertEquals("", r50k.decode(new int[0]));
  }

  @Test
  void fiftyMegabyteDocumentEncodesAsItsParts() {
    // One unit ending in a newline before a capital letter: piece boundaries fall at the joins.
    StringBuilder unit = new StringBuilder();
    for (String doc : TestCorpora.europarlSample(200, 1)) {
      unit.append(doc).append(".\n");
    }
    String part = unit.toString();
    int copies = (50 << 20) / part.length() + 1;
    String document = part.repeat(copies);
    assertTrue(document.length() >= 50 << 20);
    int[] partIds = r50k.encode(part);
    int[] ids = assertTimeoutPreemptively(Duration.ofMinutes(2), () -> r50k.encode(document));
    assertEquals((long) partIds.length * copies, ids.length);
    IntArrayList repeated = new IntArrayList(ids.length);
    for (int c = 0; c < copies; c++) {
      repeated.addElements(repeated.size(), partIds);
    }
    assertArrayEquals(repeated.toIntArray(), ids);
    assertEquals(document, r50k.decode(ids));
  }

  @Test
  void invalidUtf8IsReplacedBeforeItReachesTheTokenizer() {
    byte[] stored = {'o', 'k', ' ', (byte) 0xC3, ' ', (byte) 0xFF, (byte) 0xFE, 'x', (byte) 0xE2, (byte) 0x82, ' ', (byte) 0xED, (byte) 0xA0, (byte) 0x80};
    String text = new String(stored, StandardCharsets.UTF_8);
    assertTrue(text.contains("\uFFFD"));
    int[] ids = r50k.encode(text);
    assertEquals(text, r50k.decode(ids));
    assertArrayEquals(JtokkitReference.encode(JtokkitReference.of(TiktokenEncoding.R50K_BASE), text), ids);
  }

  @Test
  void loneSurrogatesEncodeAsQuestionMarks() {
    String text = "a\uD800b \uDC00 \uD83D";
    assertArrayEquals(r50k.encode("a?b ? ?"), r50k.encode(text));
    assertEquals("a?b ? ?", r50k.decode(r50k.encode(text)));
  }

  @Test
  void idsThatSplitACharacterDecodeToReplacementCharacters() {
    int[] euro = r50k.encode("\uD83D\uDE00");
    assertTrue(euro.length > 1, "an emoji takes more than one r50k token");
    assertEquals("\uFFFD", r50k.decode(new int[] {euro[0]}).substring(0, 1));
  }

  @Test
  void unknownIdsAreRefusedWithTheirPosition() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> r50k.decode(new int[] {1, 2, 60_000}));
    assertTrue(e.getMessage().contains("60000") && e.getMessage().contains("position 2"), e.getMessage());
    Tokenizer p50kLike = JtokkitDuelTest.ours(TiktokenEncoding.CL100K_BASE);
    assertThrows(IllegalArgumentException.class, () -> p50kLike.decode(new int[] {100_256}), "an unused rank");
    assertThrows(IllegalArgumentException.class, () -> r50k.decode(new int[] {-1}));
  }

  @Test
  void oneMegabyteWordStaysFast() {
    String word = HostileTexts.randomWord(1 << 20, 3);
    int[] ids = assertTimeoutPreemptively(Duration.ofSeconds(30), () -> r50k.encode(word));
    assertEquals(word, r50k.decode(ids));
  }
}
