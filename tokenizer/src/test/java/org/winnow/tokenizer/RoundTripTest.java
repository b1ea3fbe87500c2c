package org.winnow.tokenizer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.winnow.tokenizer.vocab.TiktokenEncoding;

/** {@code decode(encode(s)) == s} for every string without lone surrogates. */
class RoundTripTest {

  @ParameterizedTest
  @EnumSource(value = TiktokenEncoding.class, names = {"R50K_BASE", "CL100K_BASE", "O200K_BASE"})
  void randomHostileAndRealTextsRoundTrip(TiktokenEncoding encoding) {
    Tokenizer tokenizer = JtokkitDuelTest.ours(encoding);
    Random random = new Random(99);
    for (int i = 0; i < 5_000; i++) {
      String text = RandomTexts.of(random, 80);
      if (!JtokkitDuelTest.hasLoneSurrogate(text)) {
        assertRoundTrip(tokenizer, text);
      }
    }
    HostileTexts.withoutLoneSurrogates().forEach((name, text) -> assertRoundTrip(tokenizer, text));
    TestCorpora.europarlSample(300, 3).forEach(text -> assertRoundTrip(tokenizer, text));
  }

  @ParameterizedTest
  @EnumSource(value = TiktokenEncoding.class, names = {"R50K_BASE", "CL100K_BASE", "O200K_BASE"})
  void randomCodePointsRoundTrip(TiktokenEncoding encoding) {
    Tokenizer tokenizer = JtokkitDuelTest.ours(encoding);
    Random random = new Random(7);
    for (int i = 0; i < 2_000; i++) {
      StringBuilder sb = new StringBuilder();
      for (int n = random.nextInt(30); n > 0; n--) {
        int cp = random.nextInt(Character.MAX_CODE_POINT + 1);
        if (cp < Character.MIN_SURROGATE || cp > Character.MAX_SURROGATE) {
          sb.appendCodePoint(cp);
        }
      }
      assertRoundTrip(tokenizer, sb.toString());
    }
  }

  static void assertRoundTrip(Tokenizer tokenizer, String text) {
    int[] ids = tokenizer.encode(text);
    assertEquals(text, tokenizer.decode(ids), () -> RandomTexts.escape(text));
    assertArrayEquals(text.getBytes(StandardCharsets.UTF_8), tokenizer.decodeBytes(ids));
  }
}
