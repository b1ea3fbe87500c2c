package org.winnow.ingest.crawl;

import java.time.Duration;

/**
 * Politeness for the one host a crawl task owns: every request to it, robots.txt and sitemaps
 * included, waits until the host's delay has passed since the previous one started.
 */
final class HostClock {
  private long lastStart = Long.MIN_VALUE;
  private Duration delay;

  HostClock(Duration delay) {
    this.delay = delay;
  }

  void setDelay(Duration delay) {
    this.delay = delay;
  }

  Duration delay() {
    return delay;
  }

  /** Sleeps until the next request may start, then marks it started. */
  void awaitTurn() throws InterruptedException {
    if (lastStart != Long.MIN_VALUE) {
      long due = lastStart + delay.toNanos();
      long wait;
      while ((wait = due - System.nanoTime()) > 0) {
        Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
      }
    }
    lastStart = System.nanoTime();
  }
}
