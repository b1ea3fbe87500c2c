package org.winnow.filter.signals;

import java.lang.Character.UnicodeScript;
import java.util.Locale;

/** Names the script of letters, for the dominant-script signal and per-script rule overrides. */
public final class Scripts {
  /** The name shared by Han, Hiragana, Katakana and Bopomofo: Japanese mixes all three. */
  public static final String CJK = "cjk";

  private static final UnicodeScript[] SCRIPTS = UnicodeScript.values();
  private static final String[] NAMES = new String[SCRIPTS.length];
  /** The script of every BMP code point: a lookup instead of UnicodeScript's binary search. */
  private static final byte[] BMP = new byte[0x10000];

  static {
    if (SCRIPTS.length > 256) {
      throw new IllegalStateException("more scripts than a byte holds: " + SCRIPTS.length);
    }
    for (int cp = 0; cp < BMP.length; cp++) {
      BMP[cp] = (byte) UnicodeScript.of(cp).ordinal();
    }
    for (UnicodeScript s : SCRIPTS) {
      NAMES[s.ordinal()] = switch (s) {
        case HAN, HIRAGANA, KATAKANA, BOPOMOFO -> CJK;
        default -> s.name().toLowerCase(Locale.ROOT);
      };
    }
  }

  private Scripts() {}

  /** How many script slots {@link #slot} returns. */
  public static int slots() {
    return SCRIPTS.length;
  }

  /** The slot of a letter's script. */
  public static int slot(int cp) {
    return cp < BMP.length ? BMP[cp] & 0xff : UnicodeScript.of(cp).ordinal();
  }

  /** The rule-facing name of a slot, e.g. "latin", "cyrillic", "cjk". */
  public static String name(int slot) {
    return NAMES[slot];
  }

  /**
   * The name with the most letters (slots sharing a name are added up), or null when there are
   * none. Ties go to the name first in alphabetical order, so the answer is deterministic.
   */
  public static String dominant(int[] counts) {
    int cjk = 0;
    for (int i = 0; i < counts.length; i++) {
      if (NAMES[i] == CJK) {
        cjk += counts[i];
      }
    }
    String best = null;
    int bestCount = 0;
    for (int i = 0; i < counts.length; i++) {
      int c = NAMES[i] == CJK ? cjk : counts[i];
      if (c > bestCount || c == bestCount && c > 0 && NAMES[i].compareTo(best) < 0) {
        bestCount = c;
        best = NAMES[i];
      }
    }
    return best;
  }
}
