package org.winnow.tokenizer.vocab;

import java.util.Arrays;

/**
 * GPT-2's byte-to-character map, through which {@code encoder.json}, {@code vocab.bpe} and
 * Hugging Face {@code tokenizer.json} spell byte strings as printable text: printable Latin-1
 * bytes stand for themselves, the other 68 bytes for U+0100 onwards in byte order.
 */
public final class ByteLevelAlphabet {

  private static final char[] BYTE_TO_CHAR = new char[256];
  private static final byte[] CHAR_TO_BYTE = new byte[0x144];
  private static final boolean[] IS_BYTE_CHAR = new boolean[0x144];

  static {
    boolean[] printable = new boolean[256];
    for (int b = '!'; b <= '~'; b++) {
      printable[b] = true;
    }
    for (int b = 0xA1; b <= 0xAC; b++) {
      printable[b] = true;
    }
    for (int b = 0xAE; b <= 0xFF; b++) {
      printable[b] = true;
    }
    int extra = 0;
    for (int b = 0; b < 256; b++) {
      char c = printable[b] ? (char) b : (char) (256 + extra++);
      BYTE_TO_CHAR[b] = c;
      CHAR_TO_BYTE[c] = (byte) b;
      IS_BYTE_CHAR[c] = true;
    }
  }

  private ByteLevelAlphabet() {}

  /** The character that spells byte {@code b}. */
  public static char charOf(int b) {
    return BYTE_TO_CHAR[b & 0xFF];
  }

  /** {@code bytes} spelled in the alphabet. */
  public static String encode(byte[] bytes) {
    char[] chars = new char[bytes.length];
    for (int i = 0; i < bytes.length; i++) {
      chars[i] = BYTE_TO_CHAR[bytes[i] & 0xFF];
    }
    return new String(chars);
  }

  /** The bytes {@code spelled} stands for, or {@code null} if a character is outside the alphabet. */
  public static byte[] decode(String spelled) {
    byte[] bytes = new byte[spelled.length()];
    for (int i = 0; i < bytes.length; i++) {
      char c = spelled.charAt(i);
      if (c >= IS_BYTE_CHAR.length || !IS_BYTE_CHAR[c]) {
        return null;
      }
      bytes[i] = CHAR_TO_BYTE[c];
    }
    return bytes;
  }

  /** All 256 characters in byte order. */
  public static char[] alphabet() {
    return Arrays.copyOf(BYTE_TO_CHAR, 256);
  }
}
