package org.winnow.filter.rules;

import java.util.Optional;
import org.winnow.core.Document;
import org.winnow.core.schema.ColumnType;
import org.winnow.core.schema.DocumentSchema;
import org.winnow.filter.signals.Signal;
import org.winnow.filter.signals.SignalSchema;
import org.winnow.filter.signals.SignalValues;

/**
 * What a rule compares: a numeric signal, or the document's {@code lang_score} (the language
 * detector's confidence, a core column that FineWeb's language filter thresholds).
 *
 * @param name   the name the rule file uses
 * @param signal the signal, or empty for {@code lang_score}
 */
public record RuleInput(String name, Optional<Signal> signal) {
  /** The core column rules may read besides the signals. */
  public static final String LANG_SCORE = DocumentSchema.LANG_SCORE.name();

  /** The input called {@code name}, or empty when rules cannot compare it. */
  public static Optional<RuleInput> named(String name) {
    if (LANG_SCORE.equals(name)) {
      return Optional.of(new RuleInput(name, Optional.empty()));
    }
    return SignalSchema.byName(name)
        .filter(s -> s.column().type() != ColumnType.STRING)
        .map(s -> new RuleInput(name, Optional.of(s)));
  }

  /** The value for one document; {@code NaN} when the signal is null. */
  public double read(SignalValues values, Document document) {
    return signal.isPresent() ? values.get(signal.get()) : document.langScore();
  }
}
