package org.winnow.tokenizer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import it.unimi.dsi.fastutil.ints.IntArrayList;
import java.util.Arrays;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.winnow.tokenizer.vocab.TiktokenEncoding;

/** Special-token text is ordinary text unless the caller allows the token by name. */
class SpecialTokensTest {

  private final Tokenizer r50k = JtokkitDuelTest.ours(TiktokenEncoding.R50K_BASE);
  private final Tokenizer cl100k = JtokkitDuelTest.ours(TiktokenEncoding.CL100K_BASE);

  @Test
  void specialTextIsOrdinaryByDefault() {
    String text = "a<|endoftext|>b";
    int[] ids = r50k.encode(text);
    assertFalse(Arrays.stream(ids).anyMatch(id -> id == 50_256));
    assertArrayEquals(JtokkitReference.encode(JtokkitReference.of(TiktokenEncoding.R50K_BASE), text), ids);
    assertEquals(text, r50k.decode(ids));
  }

  @Test
  void allowedSpecialTokensBecomeTheirIds() {
    int[] ids = r50k.encode("a<|endoftext|>b<|endoftext|>", Set.of("<|endoftext|>"));
    IntArrayList expected = new IntArrayList(r50k.encode("a"));
    expected.add(50_256);
    expected.addElements(expected.size(), r50k.encode("b"));
    expected.add(50_256);
    assertArrayEquals(expected.toIntArray(), ids);
    assertEquals("a<|endoftext|>b<|endoftext|>", r50k.decode(ids));
  }

  @Test
  void onlyTheAllowedOnesAreHonoured() {
    String text = "<|fim_prefix|>x<|endoftext|><|fim_suffix|>";
    int[] ids = cl100k.encode(text, Set.of("<|endoftext|>", "<|fim_suffix|>"));
    assertEquals(100_257, ids[ids.length - 2]);
    assertEquals(100_260, ids[ids.length - 1]);
    assertFalse(Arrays.stream(ids).anyMatch(id -> id == 100_258));
    assertEquals(text, cl100k.decode(ids));
  }

  @Test
  void textBetweenSpecialTokensIsEncodedAsItsOwnText() {
    // The spaces before a special token are trailing whitespace of their segment.
    String text = "hello   <|endoftext|>   world";
    int[] ids = cl100k.encode(text, Set.of("<|endoftext|>"));
    IntArrayList expected = new IntArrayList(cl100k.encode("hello   "));
    expected.add(100_257);
    expected.addElements(expected.size(), cl100k.encode("   world"));
    assertArrayEquals(expected.toIntArray(), ids);
  }

  @Test
  void unknownAllowedTokenIsRefused() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> r50k.encode("x", Set.of("<|fim_prefix|>")));
    assertTrue(e.getMessage().contains("<|fim_prefix|>"), e.getMessage());
  }

  @Test
  void specialTokensAreListedWithTheirPublishedIds() {
    assertEquals(TiktokenEncoding.CL100K_BASE.specialTokens(), cl100k.specialTokens());
    assertEquals(100_277, cl100k.vocabSize());
    assertEquals(100_257, cl100k.endOfTextId().getAsInt());
    assertEquals(50_257, r50k.vocabSize());
  }
}
