package org.winnow.ingest.html;

import java.time.Duration;

/**
 * A page took longer than {@link ExtractionConfig#timeBudget()}. Checked, because a caller must
 * decide what a page that cannot be extracted in time becomes (a counted reject, normally).
 */
public final class ExtractionTimeoutException extends Exception {
  private static final long serialVersionUID = 1L;

  private final Duration budget;

  public ExtractionTimeoutException(Duration budget, String stage) {
    super("extraction exceeded its time budget of " + budget.toMillis() + " ms during " + stage);
    this.budget = budget;
  }

  /** The budget that was exceeded. */
  public Duration budget() {
    return budget;
  }
}
