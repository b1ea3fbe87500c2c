package org.winnow.filter;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.winnow.core.ledger.Outcome;
import org.winnow.filter.clean.CleanResult;
import org.winnow.filter.signals.SignalValues;

/**
 * Everything the filter stage learned about one document.
 *
 * @param outcome     kept (with the cleaned and redacted text, and the names of the
 *                    modifications: {@code c4_lines}, {@code pii_email}, ...) or removed (reason:
 *                    the first failing rule)
 * @param signals     the signal values of the text the rules judged (after line cleaning,
 *                    before PII redaction)
 * @param failedRules every rule the document fails, in rule order: each would remove it alone
 * @param cleaning    what line cleaning did (unchanged when there is no cleaner)
 * @param pii         PII matches per redactor name (kept documents only)
 */
public record Evaluation(
    Outcome outcome,
    SignalValues signals,
    List<String> failedRules,
    CleanResult cleaning,
    Map<String, Integer> pii) {
  public Evaluation {
    failedRules = List.copyOf(failedRules);
    pii = Map.copyOf(pii);
  }

  public boolean kept() {
    return outcome instanceof Outcome.Kept;
  }

  /** The rule that removed the document, if it was removed. */
  public Optional<String> removedBy() {
    return failedRules.isEmpty() ? Optional.empty() : Optional.of(failedRules.get(0));
  }
}
