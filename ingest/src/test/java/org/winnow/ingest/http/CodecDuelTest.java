package org.winnow.ingest.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * STYLE habit 7: the hand-written UTF-8 scanner and the counting decoder against the JDK's own
 * decoders, on seeded random input that mixes valid text with damage.
 */
class CodecDuelTest {
  private static final String ALPHABET = "aé€😀中ж\u0000\n<>";

  @Test
  void utf8ScanAgreesWithTheJdkOnValidity() {
    Random random = new Random(20240518);
    for (int i = 0; i < 20_000; i++) {
      byte[] bytes = sample(random);
      boolean jdkValid = jdkStrictUtf8(bytes);
      Utf8Scan scan = Utf8Scan.of(bytes, 0, bytes.length);
      assertEquals(jdkValid, scan.valid(), () -> hex(bytes));
      if (jdkValid) {
        String s = new String(bytes, StandardCharsets.UTF_8);
        long nonAscii = s.codePoints().filter(c -> c >= 0x80).count();
        assertEquals(nonAscii, scan.validMultibyte(), () -> hex(bytes));
      }
    }
  }

  @Test
  void countingDecoderReplacesExactlyLikeTheJdk() {
    Random random = new Random(7);
    Charset[] charsets = {StandardCharsets.UTF_8, Charset.forName("windows-1252"),
        Charset.forName("GB18030"), Charset.forName("Shift_JIS"), StandardCharsets.UTF_16LE};
    for (int i = 0; i < 5_000; i++) {
      byte[] bytes = sample(random);
      for (Charset cs : charsets) {
        CountingDecoder.Result r = CountingDecoder.decode(bytes, 0, bytes.length, cs);
        assertEquals(new String(bytes, cs), r.text(), () -> cs + " " + hex(bytes));
        if (r.replaced() == 0) {
          assertEquals(r.text(), CountingDecoder.decodeStrict(bytes, 0, bytes.length, cs));
        }
      }
    }
  }

  /** Valid UTF-8 text, then a few random bytes overwritten, sizes around buffer edges. */
  private static byte[] sample(Random random) {
    int len = random.nextInt(40);
    StringBuilder sb = new StringBuilder();
    for (int j = 0; j < len; j++) {
      sb.appendCodePoint(ALPHABET.codePointAt(
          ALPHABET.offsetByCodePoints(0, random.nextInt(ALPHABET.codePointCount(0,
              ALPHABET.length())))));
    }
    byte[] bytes = sb.toString().getBytes(StandardCharsets.UTF_8);
    int damage = random.nextInt(3);
    for (int k = 0; k < damage && bytes.length > 0; k++) {
      bytes[random.nextInt(bytes.length)] = (byte) random.nextInt(256);
    }
    return bytes;
  }

  private static boolean jdkStrictUtf8(byte[] bytes) {
    try {
      StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes));
      return true;
    } catch (CharacterCodingException e) {
      return false;
    }
  }

  private static String hex(byte[] bytes) {
    StringBuilder sb = new StringBuilder();
    for (byte b : bytes) {
      sb.append(String.format("%02x ", b & 0xff));
    }
    return sb.toString();
  }
}
