package org.winnow.filter.pii;

import java.util.List;

/**
 * Finds one kind of personal data in text. Scanners are hand-written, each character examined a
 * bounded number of times, so no input can make them slow (no regex backtracking).
 * Implementations are stateless and thread-safe.
 */
public sealed interface PiiScanner
    permits EmailScanner, Ipv4Scanner, Ipv6Scanner, PhoneScanner, CardNumberScanner {

  /** The stable name the rule file and the ledger's {@code modified} counts use. */
  String name();

  /** The text that replaces each match, e.g. {@code <EMAIL>}. */
  String placeholder();

  /** Reports each match as {@code [start, end)} char offsets, in increasing order. */
  void scan(String text, SpanSink sink);

  /** Receives matches. */
  @FunctionalInterface
  interface SpanSink {
    void accept(int start, int end);
  }

  /** Every scanner, in the order overlaps are resolved (earlier wins). */
  static List<PiiScanner> all() {
    return List.of(new EmailScanner(), new CardNumberScanner(), new Ipv6Scanner(),
        new Ipv4Scanner(), new PhoneScanner());
  }
}
