package org.winnow.filter.signals;

/**
 * The 64-bit hash used for duplicate lines, paragraphs and n-grams inside one document, and for
 * the classifier's word features: FNV-1a over UTF-16 code units, finished with MurmurHash3's
 * {@code fmix64} so that the high bits (which pick classifier buckets) are well mixed. The
 * definition is part of the quality-model file format; changing it invalidates trained models.
 */
public final class TextHash {
  /** FNV-1a 64-bit offset basis: the state of an empty string before {@link #finish}. */
  public static final long SEED = 0xcbf29ce484222325L;

  private static final long PRIME = 0x100000001b3L;

  private TextHash() {}

  /** Adds one UTF-16 code unit to the running state. */
  public static long step(long state, char c) {
    return (state ^ c) * PRIME;
  }

  /** Turns a running state into the hash value. */
  public static long finish(long state) {
    return fmix64(state);
  }

  /** The hash of {@code s[from, to)}. */
  public static long hash(CharSequence s, int from, int to) {
    long h = SEED;
    for (int i = from; i < to; i++) {
      h = step(h, s.charAt(i));
    }
    return finish(h);
  }

  /** The hash of {@code buf[from, to)}. */
  public static long hash(char[] buf, int from, int to) {
    long h = SEED;
    for (int i = from; i < to; i++) {
      h = step(h, buf[i]);
    }
    return finish(h);
  }

  /**
   * The hash of a word with each code point lower-cased by Unicode's simple case mapping
   * ({@link Character#toLowerCase(int)}, no locale, no context): the word identity of the
   * lower-cased-word signals and of the classifier's features.
   */
  public static long foldHash(char[] word, int length) {
    long f = SEED;
    for (int k = 0; k < length; k++) {
      char c = word[k];
      if (c < 128) {
        f = step(f, c >= 'A' && c <= 'Z' ? (char) (c | 0x20) : c);
        continue;
      }
      int cp = c;
      if (Character.isHighSurrogate(c) && k + 1 < length && Character.isLowSurrogate(word[k + 1])) {
        cp = Character.toCodePoint(c, word[++k]);
      }
      f = stepCodePoint(f, Character.toLowerCase(cp));
    }
    return finish(f);
  }

  /** Adds a code point as its UTF-16 code units. */
  public static long stepCodePoint(long state, int cp) {
    if (cp < Character.MIN_SUPPLEMENTARY_CODE_POINT) {
      return step(state, (char) cp);
    }
    return step(step(state, Character.highSurrogate(cp)), Character.lowSurrogate(cp));
  }

  /** MurmurHash3's 64-bit finaliser: every input bit affects every output bit. */
  public static long fmix64(long k) {
    k ^= k >>> 33;
    k *= 0xff51afd7ed558ccdL;
    k ^= k >>> 33;
    k *= 0xc4ceb9fe1a85ec53L;
    k ^= k >>> 33;
    return k;
  }
}
