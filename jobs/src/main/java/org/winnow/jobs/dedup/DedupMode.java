package org.winnow.jobs.dedup;

import java.util.EnumSet;
import java.util.Locale;

/** The steps of {@code winnow dedup}; they always run in this order. */
public enum DedupMode {
  /** Exact duplicates by normalised text, then by normalised URL. */
  EXACT,
  /** Near duplicates by MinHash-LSH and connected components. */
  FUZZY,
  /** Lines occurring in many documents removed from the text (CCNet). */
  LINES;

  /** Parses {@code exact,fuzzy,lines} (any order, any case). */
  public static EnumSet<DedupMode> parse(String list) {
    EnumSet<DedupMode> modes = EnumSet.noneOf(DedupMode.class);
    for (String part : list.split(",")) {
      String p = part.strip();
      if (p.isEmpty()) {
        continue;
      }
      try {
        modes.add(valueOf(p.toUpperCase(Locale.ROOT)));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(
            "unknown dedup mode '" + p + "'; choose among exact, fuzzy, lines", e);
      }
    }
    if (modes.isEmpty()) {
      throw new IllegalArgumentException("no dedup mode given; choose among exact, fuzzy, lines");
    }
    return modes;
  }
}
