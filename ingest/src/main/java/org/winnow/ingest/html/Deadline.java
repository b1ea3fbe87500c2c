package org.winnow.ingest.html;

import java.time.Duration;

/**
 * The time budget of one extraction. Checked from inside jsoup's traversal and parser, where a
 * checked exception cannot pass, so running out throws {@link Expired}, which
 * {@link MainTextExtractor} turns into {@link ExtractionTimeoutException}.
 */
final class Deadline {
  /** Reading the clock costs about 20 ns; a node costs less, so look only every so often. */
  private static final int TICKS_PER_CHECK = 256;

  private final Duration budget;
  private final long expiresAt;
  private int ticks;

  Deadline(Duration budget) {
    this.budget = budget;
    this.expiresAt = System.nanoTime() + budget.toNanos();
  }

  /** Counts one unit of work and checks the clock every {@value #TICKS_PER_CHECK} units. */
  void tick() {
    if (++ticks >= TICKS_PER_CHECK) {
      ticks = 0;
      check();
    }
  }

  /** Checks the clock now. */
  void check() {
    if (System.nanoTime() - expiresAt > 0) {
      throw new Expired();
    }
  }

  Duration budget() {
    return budget;
  }

  /** Unwinds the traversal or the parser; carries no stack trace because nobody reads it. */
  static final class Expired extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Expired() {
      super("time budget exceeded", null, false, false);
    }
  }
}
