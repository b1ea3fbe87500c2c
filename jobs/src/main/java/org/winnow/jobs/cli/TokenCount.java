package org.winnow.jobs.cli;

import java.util.Locale;

/** Parses token budgets such as {@code 20M}, {@code 500k}, {@code 1.5G} or {@code 123456}. */
final class TokenCount {
  private TokenCount() {}

  static long parse(String s) {
    String t = s.strip().toUpperCase(Locale.ROOT);
    double scale = 1;
    if (t.endsWith("K")) {
      scale = 1e3;
    } else if (t.endsWith("M")) {
      scale = 1e6;
    } else if (t.endsWith("G") || t.endsWith("B")) {
      scale = 1e9;
    }
    String number = scale == 1 ? t : t.substring(0, t.length() - 1);
    try {
      double v = Double.parseDouble(number) * scale;
      if (!(v >= 1) || v > Long.MAX_VALUE) {
        throw new IllegalArgumentException("token count must be at least 1: " + s);
      }
      return Math.round(v);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("not a token count (e.g. 20M, 500k, 123456): " + s, e);
    }
  }
}
