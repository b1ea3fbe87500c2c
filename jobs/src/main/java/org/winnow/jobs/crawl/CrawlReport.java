package org.winnow.jobs.crawl;

import java.util.Map;

/**
 * What one run of the crawl did.
 *
 * @param output        the crawl directory
 * @param firstRound    the first round this run worked on (a resumed round counts)
 * @param lastRound     the last round committed, 0 when none
 * @param pagesFetched  URLs fetched in this run's rounds
 * @param byReason      URLs of this run's rounds not fetched, by reason label
 * @param frontier      the frontier's URLs by state at the end
 * @param warcFiles     WARC files in the crawl directory
 * @param elapsedSeconds wall time of the run
 * @param stopped       why the run stopped
 * @param cores         the cores Spark ran tasks on
 */
public record CrawlReport(String output, int firstRound, int lastRound, long pagesFetched,
    Map<String, Long> byReason, Map<String, Long> frontier, long warcFiles,
    double elapsedSeconds, String stopped, int cores) {

  public CrawlReport {
    byReason = Map.copyOf(byReason);
    frontier = Map.copyOf(frontier);
  }

  /** The directory {@code winnow ingest} reads. */
  public String warcDir() {
    return new CrawlLayout(output).warcDir();
  }

  public double pagesPerSecond() {
    return elapsedSeconds > 0 ? pagesFetched / elapsedSeconds : 0;
  }

  /** The cost figure every job reports: throughput per core, Spark's fixed costs included. */
  public double pagesPerSecondPerCore() {
    return cores > 0 ? pagesPerSecond() / cores : 0;
  }
}
