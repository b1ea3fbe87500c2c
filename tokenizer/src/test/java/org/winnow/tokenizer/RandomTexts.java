package org.winnow.tokenizer;

import java.util.Random;

/** Seeded random texts over the characters where pre-tokenisation classes and backtracking differ. */
public final class RandomTexts {

  /** Characters chosen to exercise every alternative of every pattern and every class boundary. */
  public static final String[] ALPHABET = {
    "a", "b", "s", "t", "l", "e", "v", "r", "m", "d", "S", "T", "L", "E", "V", "R", "M", "D", "X",
    "0", "7", " ", " ", " ", "\t", "\n", "\r", "\u000B", "\f", "'", "'", "/", "!", ".", ",", "-",
    "\u00e9", "\u00c9", "\u017f", "\u01c5", "\u02b0", "\u05d0", "\u4e00", "\u0301", "\u0903",
    "\u20dd", "\u2160", "\u00b2", "\u0663", "\u00a0", "\u2003", "\u3000", "\u0085", "\u2028",
    "\u001c", "\u200d", "\ufe0f", "\ud83d\ude00", "\ud801\udc00", "\ud835\udc00", "\ud835\udfce",
    "\ud834\udd67", "\ud800", "\udc00", "\u0130", "\u0131", "\u212a", "\u00df", "\u1e9e",
  };

  private RandomTexts() {}

  /** Up to {@code maxLength} symbols of {@link #ALPHABET}. */
  public static String of(Random random, int maxLength) {
    int length = random.nextInt(maxLength + 1);
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < length; i++) {
      sb.append(ALPHABET[random.nextInt(ALPHABET.length)]);
    }
    return sb.toString();
  }

  /** {@code s} with everything outside printable ASCII as {@code \\uXXXX}, for messages. */
  public static String escape(String s) {
    StringBuilder sb = new StringBuilder("\"");
    s.chars().limit(400).forEach(c -> sb.append(c >= 0x20 && c < 0x7f ? String.valueOf((char) c) : String.format("\\u%04x", c)));
    return sb.append(s.length() > 400 ? "...\"" : "\"").toString();
  }
}
