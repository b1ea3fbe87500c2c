package org.winnow.filter.signals;

import java.util.List;

/**
 * A group of signals from one published filter, computed together from a {@link TextProfile}.
 * Implementations keep scratch space between documents, so they are not thread-safe.
 */
public sealed interface SignalFamily
    permits TextSignals, GopherQualitySignals, GopherRepetitionSignals, C4Signals,
        FineWebSignals, RedPajamaSignals {

  /** The family's stable name, as {@link Signal#family()} gives it. */
  String name();

  /** The signals it sets, in column order. */
  default List<Signal> signals() {
    return SignalSchema.family(name());
  }

  /** Sets this family's signals in {@code out} from {@code profile}. */
  void compute(TextProfile profile, SignalValues out);

  /** A fresh instance of every family, in schema order. */
  static List<SignalFamily> all() {
    return List.of(new TextSignals(), new GopherQualitySignals(), new GopherRepetitionSignals(),
        new C4Signals(), new FineWebSignals(), new RedPajamaSignals());
  }
}
