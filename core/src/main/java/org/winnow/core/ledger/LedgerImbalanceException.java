package org.winnow.core.ledger;

/** A stage's ledger does not add up: records were lost or counted twice. The run fails. */
public final class LedgerImbalanceException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public LedgerImbalanceException(String message) {
    super(message);
  }
}
