package org.winnow.jobs.filter;

import java.util.Map;
import java.util.TreeMap;
import org.winnow.core.ledger.Ledger;
import org.winnow.jobs.ingest.IngestSummary;
import org.winnow.jobs.report.SummaryTable;
import org.winnow.jobs.report.Units;

/** The tables {@code winnow filter} and {@code winnow signals} print when they end. */
public final class FilterSummary {
  private FilterSummary() {}

  /**
   * Per rule: documents it removed (it was the first to fail them) and documents it fails at
   * all, which is what it would remove alone; both as shares of the input.
   */
  public static String ruleTable(FilterReport r) {
    long in = r.ledger().in();
    SummaryTable t = new SummaryTable().header("rule", "removed", "share", "fails", "alone");
    int silent = 0;
    for (RuleCount c : r.rules()) {
      if (c.alone() == 0) {
        silent++;
        continue;
      }
      t.row(c.rule(), Units.count(c.removed()), Units.percent(c.removed(), in),
          Units.count(c.alone()), Units.percent(c.alone(), in));
    }
    if (silent > 0) {
      t.rule().row("(" + silent + " more rules fail no document; all are in "
          + Ledger.FILE_NAME + ")", "", "", "", "");
    }
    return t.render();
  }

  public static String render(FilterReport r, String stage) {
    StringBuilder sb = new StringBuilder();
    if (r.skipped()) {
      sb.append(stage).append(": skipped, ").append(r.output())
          .append(" is already finished (use --force to redo it)\n");
      sb.append(IngestSummary.ledgerTable(r.ledger()));
      return sb.toString();
    }
    sb.append(stage).append(": done in ").append(Units.seconds(r.elapsedSeconds())).append('\n');
    sb.append(IngestSummary.ledgerTable(r.ledger())).append('\n');
    if (!r.rules().isEmpty()) {
      sb.append(ruleTable(r)).append('\n');
    }
    SummaryTable t = new SummaryTable();
    if (!r.piiMatches().isEmpty()) {
      StringBuilder pii = new StringBuilder();
      r.piiMatches().forEach((k, v) -> pii.append(pii.isEmpty() ? "" : ", ")
          .append(k).append(' ').append(Units.count(v)));
      t.row("pii replaced", pii.toString());
    }
    if (r.charsRemoved() > 0) {
      t.row("line cleaning", Units.count(r.charsRemoved()) + " characters removed");
    }
    for (Map.Entry<String, Map<String, Double>> e : new TreeMap<>(r.cutoffs()).entrySet()) {
      t.row("cut-off " + e.getKey(), new TreeMap<>(e.getValue()).toString());
    }
    t.row("input", Units.mb(r.inputBytes()) + " of Parquet");
    t.row("output", r.output());
    t.row("", Units.count(r.keptFiles()) + " Parquet files, " + Units.mb(r.keptBytes())
        + ", with _removed/, _rejected/, " + Ledger.FILE_NAME);
    t.row("time", Units.seconds(r.elapsedSeconds()) + " on " + r.cores() + " cores");
    t.row("throughput", Units.decimal(r.docsPerSecond()) + " docs/s");
    t.row("cost", Units.decimal(r.cpuSecondsPerInputGb()) + " CPU-s per input GB, "
        + Units.decimal(r.docsPerSecondPerCore()) + " docs/s per core ("
        + Units.seconds(r.cpuSeconds()) + " CPU, " + r.cpuSource() + ")");
    sb.append(t.render());
    return sb.toString();
  }
}
