package org.winnow.jobs.dedup;

import org.winnow.core.ledger.Ledger;
import org.winnow.jobs.ingest.IngestSummary;
import org.winnow.jobs.report.SummaryTable;
import org.winnow.jobs.report.Units;

/** The tables {@code winnow dedup} prints when it ends. */
public final class DedupSummary {
  private DedupSummary() {}

  public static String render(DedupReport r) {
    StringBuilder sb = new StringBuilder();
    if (r.skipped()) {
      sb.append("dedup: skipped, ").append(r.output())
          .append(" is already finished (use --force to redo it)\n");
      return sb.append(IngestSummary.ledgerTable(r.ledger())).toString();
    }
    sb.append("dedup: done in ").append(Units.seconds(r.elapsedSeconds())).append('\n');
    sb.append(IngestSummary.ledgerTable(r.ledger())).append('\n');
    SummaryTable steps = new SummaryTable().header("step", "in", "kept", "removed", "modified");
    for (Ledger s : r.steps()) {
      long modified = s.modified().values().stream().mapToLong(Long::longValue).sum();
      steps.row(s.stage(), Units.count(s.in()), Units.count(s.kept()),
          Units.count(s.removedTotal()), Units.count(modified));
    }
    sb.append(steps.render()).append('\n');
    if (!r.sCurve().isEmpty()) {
      sb.append(r.sCurve()).append('\n');
    }
    SummaryTable t = new SummaryTable();
    t.row("output", r.output());
    t.row("", Units.count(r.keptFiles()) + " Parquet files, " + Units.mb(r.keptBytes())
        + ", with _removed/, _rejected/, " + Ledger.FILE_NAME);
    if (r.ccRounds() > 0) {
      t.row("components", "converged in " + r.ccRounds() + " rounds");
    }
    t.row("lines", Units.count(r.removedChars()) + " characters of repeated lines removed");
    t.row("time", Units.seconds(r.elapsedSeconds()) + " on " + r.cores() + " cores");
    t.row("throughput", Units.decimal(r.docsPerSecond()) + " docs/s");
    t.row("cost", Units.decimal(r.docsPerSecondPerCore()) + " docs/s per core");
    sb.append(t.render());
    return sb.toString();
  }
}
