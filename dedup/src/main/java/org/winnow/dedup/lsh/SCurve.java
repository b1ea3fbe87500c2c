package org.winnow.dedup.lsh;

import java.util.Locale;
import org.winnow.dedup.minhash.MinHashParams;

/**
 * The theoretical chance that two documents of Jaccard similarity {@code s} share at least one
 * LSH band: {@code 1 - (1 - s^rows)^bands}. Printed by the fuzzy step so a user sees what the
 * chosen bands x rows do before trusting them.
 */
public final class SCurve {
  private SCurve() {}

  public static double candidateProbability(double jaccard, int bands, int rows) {
    if (jaccard < 0 || jaccard > 1 || Double.isNaN(jaccard)) {
      throw new IllegalArgumentException("jaccard must be in [0, 1], got " + jaccard);
    }
    return 1 - Math.pow(1 - Math.pow(jaccard, rows), bands);
  }

  /** The similarity at which the curve is steepest, about {@code (1/bands)^(1/rows)}. */
  public static double threshold(int bands, int rows) {
    return Math.pow(1.0 / bands, 1.0 / rows);
  }

  /** A small table: Jaccard 0.0 to 1.0 by 0.1 against the candidate probability. */
  public static String table(MinHashParams p) {
    StringBuilder sb = new StringBuilder();
    sb.append(String.format(Locale.ROOT, "  S-curve for %d bands x %d rows (threshold ~%.2f)%n",
        p.bands(), p.rows(), threshold(p.bands(), p.rows())));
    sb.append("  jaccard  P(candidate)").append(System.lineSeparator());
    for (int i = 0; i <= 10; i++) {
      double s = i / 10.0;
      sb.append(String.format(Locale.ROOT, "  %7.1f  %12.4f%n", s,
          candidateProbability(s, p.bands(), p.rows())));
    }
    return sb.toString();
  }
}
