package org.winnow.jobs.crawl;

import java.util.Map;
import org.winnow.jobs.report.SummaryTable;
import org.winnow.jobs.report.Units;

/** The tables {@code winnow crawl} prints when it ends. */
public final class CrawlSummary {
  private CrawlSummary() {}

  public static String render(CrawlReport r) {
    StringBuilder sb = new StringBuilder();
    sb.append("crawl: ").append(r.stopped()).append(", after round ").append(r.lastRound())
        .append(" (").append(Units.seconds(r.elapsedSeconds())).append(")\n");
    SummaryTable reasons = new SummaryTable().header("not fetched", "URLs");
    for (Map.Entry<String, Long> e : r.byReason().entrySet()) {
      reasons.row(e.getKey(), Units.count(e.getValue()));
    }
    sb.append(reasons.render()).append('\n');
    SummaryTable t = new SummaryTable();
    t.row("fetched", Units.count(r.pagesFetched()) + " pages in rounds " + r.firstRound() + "-"
        + r.lastRound() + ", " + Units.decimal(r.pagesPerSecond()) + " pages/s");
    t.row("cost", Units.decimal(r.pagesPerSecondPerCore()) + " pages/s per core on "
        + r.cores() + " cores");
    StringBuilder states = new StringBuilder();
    r.frontier().forEach((k, v) -> states.append(states.length() == 0 ? "" : ", ")
        .append(Units.count(v)).append(' ').append(k));
    t.row("frontier", states.toString());
    t.row("output", r.output());
    t.row("", Units.count(r.warcFiles()) + " WARC files in " + r.warcDir()
        + " (winnow ingest reads them), crawl_log/, frontier/");
    sb.append(t.render());
    return sb.toString();
  }
}
