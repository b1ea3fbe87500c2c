package org.winnow.filter.pii;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Replaces personal data with typed placeholders. Every scanner reads the original text; where
 * matches overlap, the scanner listed first wins (an e-mail address containing digits stays one
 * e-mail, not a phone number). Immutable and thread-safe.
 */
public final class PiiRedactor {
  private final List<PiiScanner> scanners;

  /** @param scanners in priority order */
  public PiiRedactor(List<PiiScanner> scanners) {
    this.scanners = List.copyOf(scanners);
  }

  public List<PiiScanner> scanners() {
    return scanners;
  }

  public Redaction redact(String text) {
    Objects.requireNonNull(text, "text");
    List<int[]> accepted = new ArrayList<>();
    BitSet covered = null;
    for (int s = 0; s < scanners.size(); s++) {
      List<int[]> found = new ArrayList<>();
      scanners.get(s).scan(text, (start, end) -> found.add(new int[] {start, end}));
      for (int[] m : found) {
        if (covered == null) {
          covered = new BitSet(text.length());
        }
        int next = covered.nextSetBit(m[0]);
        if (next >= 0 && next < m[1]) {
          continue;
        }
        covered.set(m[0], m[1]);
        accepted.add(new int[] {m[0], m[1], s});
      }
    }
    if (accepted.isEmpty()) {
      return new Redaction(text, Map.of());
    }
    accepted.sort((a, b) -> Integer.compare(a[0], b[0]));
    StringBuilder out = new StringBuilder(text.length());
    Map<String, Integer> counts = new LinkedHashMap<>();
    int pos = 0;
    for (int[] m : accepted) {
      PiiScanner scanner = scanners.get(m[2]);
      out.append(text, pos, m[0]).append(scanner.placeholder());
      counts.merge(scanner.name(), 1, Integer::sum);
      pos = m[1];
    }
    out.append(text, pos, text.length());
    return new Redaction(out.toString(), counts);
  }
}
