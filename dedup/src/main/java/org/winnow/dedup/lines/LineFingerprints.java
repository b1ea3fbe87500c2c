package org.winnow.dedup.lines;

import it.unimi.dsi.fastutil.longs.LongLinkedOpenHashSet;
import org.winnow.core.hash.StableHash;
import org.winnow.core.text.TextNormalizer;

/**
 * CCNet-style line fingerprints: each line's text under core's matching normalisation, hashed
 * to 64 bits. Lines that normalise to nothing (blank, punctuation only) have no fingerprint and
 * are never counted or removed.
 */
public final class LineFingerprints {
  /** The marker for a line without a fingerprint. */
  public static final long NONE = 0L;

  private LineFingerprints() {}

  /** The lines of {@code text}, split at line breaks, as {@link #removeLines} splits them. */
  public static String[] lines(String text) {
    return text.split("\n", -1);
  }

  /** The fingerprint of one line, or {@link #NONE}. */
  public static long of(String line) {
    String norm = TextNormalizer.forMatching(line);
    if (norm.isEmpty()) {
      return NONE;
    }
    long h = StableHash.hash64(norm);
    return h == NONE ? 1L : h;
  }

  /**
   * The distinct fingerprints of a document's lines, in first-seen order: a line repeated
   * within one page counts once, since what matters is in how many documents it occurs.
   */
  public static long[] distinct(String text) {
    LongLinkedOpenHashSet seen = new LongLinkedOpenHashSet();
    for (String line : lines(text)) {
      long fp = of(line);
      if (fp != NONE) {
        seen.add(fp);
      }
    }
    return seen.toLongArray();
  }
}
