package org.winnow.ingest.crawl;

import java.time.Duration;
import java.util.function.Supplier;

/**
 * Politeness for the one host a crawl task owns: every request to it, robots.txt and sitemaps
 * included, starts at least the host's delay after the previous one ended, so the gap the server
 * sees between two arrivals is never shorter than the delay.
 */
final class HostClock {
  private long lastEnd = Long.MIN_VALUE;
  private Duration delay;

  HostClock(Duration delay) {
    this.delay = delay;
  }

  void setDelay(Duration delay) {
    this.delay = delay;
  }

  /** Waits for the host's turn, runs {@code request}, and notes when it ended. */
  FetchResult request(Supplier<FetchResult> request) throws InterruptedException {
    if (lastEnd != Long.MIN_VALUE) {
      long due = lastEnd + delay.toNanos();
      long wait;
      while ((wait = due - System.nanoTime()) > 0) {
        Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
      }
    }
    try {
      return request.get();
    } finally {
      lastEnd = System.nanoTime();
    }
  }
}
