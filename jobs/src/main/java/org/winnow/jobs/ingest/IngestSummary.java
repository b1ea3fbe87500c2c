package org.winnow.jobs.ingest;

import java.util.Map;
import org.winnow.core.ledger.Ledger;
import org.winnow.jobs.report.SummaryTable;
import org.winnow.jobs.report.Units;

/** The tables {@code winnow ingest} prints when it ends. */
public final class IngestSummary {
  private IngestSummary() {}

  /** The ledger as a table: one row per fate and reason, with shares of the input. */
  public static String ledgerTable(Ledger ledger) {
    SummaryTable t = new SummaryTable().header("fate", "reason", "records", "share");
    long in = ledger.in();
    t.row("kept", "", Units.count(ledger.kept()), Units.percent(ledger.kept(), in));
    rows(t, "removed", ledger.removed(), in);
    rows(t, "rejected", ledger.rejected(), in);
    t.rule().row("in", "", Units.count(in), Units.percent(in, in));
    for (Map.Entry<String, Long> e : ledger.modified().entrySet()) {
      t.row("modified", e.getKey(), Units.count(e.getValue()), Units.percent(e.getValue(), in));
    }
    return t.render();
  }

  /** The whole summary: the ledger, then where things are, time, throughput and cost. */
  public static String render(IngestReport r) {
    StringBuilder sb = new StringBuilder();
    if (r.skipped()) {
      sb.append("ingest: skipped, ").append(r.output())
          .append(" is already finished (use --force to redo it)\n");
      sb.append(ledgerTable(r.ledger()));
      return sb.toString();
    }
    sb.append("ingest: done in ").append(Units.seconds(r.elapsedSeconds())).append('\n');
    sb.append(ledgerTable(r.ledger())).append('\n');
    SummaryTable t = new SummaryTable();
    t.row("input", Units.count(r.inputs().size()) + " files, " + Units.mb(r.inputBytes()));
    t.row("output", r.output());
    t.row("", Units.count(r.keptFiles()) + " Parquet files, " + Units.mb(r.keptBytes())
        + ", with _removed/, _rejected/, " + Ledger.FILE_NAME);
    t.row("time", Units.seconds(r.elapsedSeconds()) + " on " + r.cores() + " cores");
    t.row("throughput", Units.decimal(r.docsPerSecond()) + " docs/s, "
        + Units.decimal(r.mbPerSecond()) + " MB/s of input");
    t.row("cost", Units.decimal(r.cpuSecondsPerInputGb()) + " CPU-s per input GB, "
        + Units.decimal(r.docsPerSecondPerCore()) + " docs/s per core ("
        + Units.seconds(r.cpuSeconds()) + " CPU, " + r.cpuSource() + ")");
    sb.append(t.render());
    return sb.toString();
  }

  private static void rows(SummaryTable t, String fate, Map<String, Long> counts, long in) {
    for (Map.Entry<String, Long> e : counts.entrySet()) {
      t.row(fate, e.getKey(), Units.count(e.getValue()), Units.percent(e.getValue(), in));
    }
  }
}
