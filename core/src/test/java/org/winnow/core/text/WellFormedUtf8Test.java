package org.winnow.core.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** {@link WellFormedUtf8} against the JDK's strict decoder. */
class WellFormedUtf8Test {

  /** Bytes that make up or nearly make up UTF-8: ASCII, lead bytes, continuations, edge values. */
  private static final int[] PALETTE = {
    'a', ' ', 0x00, 0x7F, 0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBF, 0xC0, 0xC1, 0xC2, 0xDF,
    0xE0, 0xE1, 0xEC, 0xED, 0xEE, 0xEF, 0xF0, 0xF1, 0xF3, 0xF4, 0xF5, 0xFF,
  };

  @Test
  void agreesWithTheStrictDecoderOnRandomBytes() {
    Random random = new Random(3);
    for (int i = 0; i < 200_000; i++) {
      byte[] b = new byte[random.nextInt(24)];
      for (int j = 0; j < b.length; j++) {
        b[j] = (byte) (random.nextInt(4) == 0 ? random.nextInt(256) : PALETTE[random.nextInt(PALETTE.length)]);
      }
      int from = b.length == 0 ? 0 : random.nextInt(b.length);
      assertEquals(strictDecoderStop(b, from, b.length), WellFormedUtf8.firstMalformed(b, from, b.length),
          () -> java.util.HexFormat.ofDelimiter(" ").formatHex(b) + " from " + from);
    }
  }

  @Test
  void agreesOnValidTextWithMalformedBytesFarIn() {
    Random random = new Random(5);
    StringBuilder sb = new StringBuilder();
    for (int n = 0; n < 5_000; n++) {
      int cp = random.nextInt(Character.MAX_CODE_POINT + 1);
      if (cp < Character.MIN_SURROGATE || cp > Character.MAX_SURROGATE) {
        sb.appendCodePoint(random.nextBoolean() ? 'a' + random.nextInt(26) : cp);
      }
    }
    byte[] valid = sb.toString().getBytes(StandardCharsets.UTF_8);
    assertEquals(-1, WellFormedUtf8.firstMalformed(valid, 0, valid.length));
    for (int i = 0; i < 500; i++) {
      byte[] b = valid.clone();
      b[random.nextInt(b.length)] = (byte) PALETTE[random.nextInt(PALETTE.length)];
      assertEquals(strictDecoderStop(b, 0, b.length), WellFormedUtf8.firstMalformed(b, 0, b.length));
    }
  }

  @Test
  void sequenceLengthIsTheEncodedLengthOfEveryScalarValue() {
    for (int cp = 0; cp <= Character.MAX_CODE_POINT; cp += cp < 0x800 ? 1 : 7) {
      if (cp >= Character.MIN_SURROGATE && cp <= Character.MAX_SURROGATE) {
        continue;
      }
      byte[] b = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8);
      assertEquals(b.length, WellFormedUtf8.sequenceLength(b, 0, b.length), Integer.toHexString(cp));
      assertEquals(0, b.length == 1 ? 0 : WellFormedUtf8.sequenceLength(b, 0, b.length - 1),
          "cut off: " + Integer.toHexString(cp));
    }
  }

  private static int strictDecoderStop(byte[] b, int from, int to) {
    CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(b, from, to - from);
    CharBuffer out = CharBuffer.allocate(2 * (to - from) + 2);
    CoderResult r = decoder.decode(in, out, true);
    return r.isError() ? in.position() : -1;
  }
}
