package org.winnow.tokenizer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import it.unimi.dsi.fastutil.ints.IntArrayList;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.winnow.tokenizer.vocab.TiktokenEncoding;

/**
 * Encoding text held as UTF-8 gives the ids of encoding the same text as a string, read from
 * inside a larger buffer (the way a Parquet row holds it), and malformed bytes are refused whole.
 */
class EncodeUtf8Test {

  @ParameterizedTest
  @EnumSource(value = TiktokenEncoding.class, names = {"R50K_BASE", "CL100K_BASE", "O200K_BASE"})
  void bytesEncodeAsTheirString(TiktokenEncoding encoding) {
    Tokenizer tokenizer = JtokkitDuelTest.ours(encoding);
    Random random = new Random(41);
    for (int i = 0; i < 3_000; i++) {
      assertSameIds(tokenizer, RandomTexts.of(random, 60), random);
    }
    HostileTexts.all().forEach((name, text) -> assertSameIds(tokenizer, text, random));
    TestCorpora.europarlSample(300, 5).forEach(text -> assertSameIds(tokenizer, text, random));
  }

  private static void assertSameIds(Tokenizer tokenizer, String text, Random random) {
    byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
    // Invalid bytes on both sides: nothing outside the range may be read as text.
    int before = random.nextInt(9);
    byte[] padded = new byte[before + utf8.length + random.nextInt(9)];
    Arrays.fill(padded, (byte) 0xFF);
    System.arraycopy(utf8, 0, padded, before, utf8.length);
    IntArrayList out = new IntArrayList();
    out.add(-7);
    tokenizer.encodeUtf8(padded, before, utf8.length, out);
    assertEquals(-7, out.getInt(0), "the ids are appended");
    int[] fromBytes = out.subList(1, out.size()).toIntArray();
    assertArrayEquals(tokenizer.encode(text), fromBytes, () -> RandomTexts.escape(text));
  }

  @ParameterizedTest
  @EnumSource(value = TiktokenEncoding.class, names = {"R50K_BASE", "O200K_BASE"})
  void malformedBytesAreRefusedAndNothingIsAppended(TiktokenEncoding encoding) {
    Tokenizer tokenizer = JtokkitDuelTest.ours(encoding);
    byte[][] cases = {
      {'a', 'b', (byte) 0xC3},                         // cut off by the end of the range
      {'a', (byte) 0xC0, (byte) 0x80},                 // overlong NUL
      {(byte) 0xED, (byte) 0xA0, (byte) 0x80, 'x'},    // a surrogate
      {'o', 'k', ' ', (byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80}, // above U+10FFFF
    };
    int[] offsets = {2, 1, 0, 3};
    for (int i = 0; i < cases.length; i++) {
      byte[] bytes = new byte[cases[i].length + 2];
      System.arraycopy(cases[i], 0, bytes, 1, cases[i].length);
      IntArrayList out = IntArrayList.of(1, 2);
      int length = cases[i].length;
      MalformedUtf8Exception e = assertThrows(MalformedUtf8Exception.class,
          () -> tokenizer.encodeUtf8(bytes, 1, length, out));
      assertEquals(offsets[i], e.offset());
      assertEquals("invalid UTF-8 at byte offset " + offsets[i] + " of " + length, e.getMessage());
      assertEquals(IntArrayList.of(1, 2), out);
    }
  }
}
