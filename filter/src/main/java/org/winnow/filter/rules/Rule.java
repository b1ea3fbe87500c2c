package org.winnow.filter.rules;

/**
 * One document rule of a rule file. Its {@link #name()} is the ledger's removal reason.
 * Implementations are immutable and thread-safe.
 */
public sealed interface Rule permits ThresholdRule, PercentileRule {
  /** The rule's name: lower snake case, unique in its file, the ledger reason. */
  String name();

  /** What it compares. */
  RuleInput input();

  /** Whether a document with {@code value} (NaN for null) in language and script is kept. */
  boolean keeps(double value, String lang, String script);

  /** Why a document with {@code value} is removed, for the removed dataset's detail column. */
  String explain(double value, String lang, String script);
}
