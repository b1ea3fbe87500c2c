package org.winnow.jobs.tokenize;

import org.winnow.jobs.ingest.IngestSummary;
import org.winnow.jobs.report.SummaryTable;
import org.winnow.jobs.report.Units;

/** The tables {@code winnow train-tokenizer} prints when it ends. */
public final class TrainTokenizerSummary {
  private TrainTokenizerSummary() {}

  public static String render(TrainTokenizerReport r) {
    StringBuilder sb = new StringBuilder();
    if (r.skipped()) {
      sb.append("train-tokenizer: skipped, ").append(r.output())
          .append(" is already finished (use --force to redo it)\n");
    } else {
      sb.append("train-tokenizer: done in ").append(Units.seconds(r.elapsedSeconds()))
          .append('\n');
    }
    sb.append(IngestSummary.ledgerTable(r.ledger())).append('\n');
    SummaryTable t = new SummaryTable();
    t.row("vocabulary", Units.count(r.vocabSize()) + " ids");
    t.row("files", r.rankFile());
    t.row("", r.tokenizerJson());
    if (!r.skipped()) {
      t.row("pre-tokens", Units.count(r.distinctPreTokens()) + " distinct");
      t.row("time", "counting " + Units.seconds(r.countSeconds()) + ", merges "
          + Units.seconds(r.mergeSeconds()));
    }
    sb.append(t.render());
    return sb.toString();
  }
}
