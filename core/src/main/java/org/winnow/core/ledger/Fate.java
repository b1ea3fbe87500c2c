package org.winnow.core.ledger;

/** What a stage did with one input record. */
public enum Fate {
  /** Passed on to the stage's output (possibly with its text modified). */
  KEPT,
  /** A valid record the stage chose to drop (quality, duplicate, policy). */
  REMOVED,
  /** Bad input: malformed, undecodable, too large, unsupported. */
  REJECTED
}
