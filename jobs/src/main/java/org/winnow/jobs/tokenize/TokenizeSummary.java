package org.winnow.jobs.tokenize;

import java.util.Map;
import org.winnow.jobs.ingest.IngestSummary;
import org.winnow.jobs.report.SummaryTable;
import org.winnow.jobs.report.Units;
import org.winnow.loader.manifest.SourceTotals;
import org.winnow.loader.manifest.SplitSummary;
import org.winnow.loader.manifest.TokenizerIdentity;

/** The tables {@code winnow tokenize} prints when it ends. */
public final class TokenizeSummary {
  private TokenizeSummary() {}

  /** Documents, tokens and shards per split and source. */
  public static String splitTable(TokenizeReport r) {
    SummaryTable t = new SummaryTable().header("split", "source", "documents", "tokens",
        "shards");
    for (Map.Entry<String, SplitSummary> e : r.manifest().splits().entrySet()) {
      SplitSummary s = e.getValue();
      t.row(e.getKey(), "all", Units.count(s.documents()), Units.count(s.tokens()),
          Units.count(s.shards().size()));
      for (Map.Entry<String, SourceTotals> src : s.sources().entrySet()) {
        t.row("", src.getKey(), Units.count(src.getValue().documents()),
            Units.count(src.getValue().tokens()), "");
      }
    }
    return t.render();
  }

  /** The whole summary: ledger, splits and sources, then tokenizer, ratio, time and cost. */
  public static String render(TokenizeReport r) {
    StringBuilder sb = new StringBuilder();
    if (r.skipped()) {
      sb.append("tokenize: skipped, ").append(r.output())
          .append(" is already finished (use --force to redo it)\n");
      sb.append(IngestSummary.ledgerTable(r.ledger())).append('\n');
      sb.append(splitTable(r));
      return sb.toString();
    }
    sb.append("tokenize: done in ").append(Units.seconds(r.elapsedSeconds())).append('\n');
    sb.append(IngestSummary.ledgerTable(r.ledger())).append('\n');
    sb.append(splitTable(r)).append('\n');
    TokenizerIdentity tok = r.manifest().tokenizer();
    SummaryTable t = new SummaryTable();
    t.row("tokenizer", tok.name() + ", " + Units.count(tok.vocabSize()) + " ids, end of text "
        + tok.eotId());
    t.row("ratio", Units.decimal(r.bytesPerToken()) + " bytes of text per token ("
        + Units.mb(r.textBytes()) + " of text)");
    t.row("output", r.output());
    t.row("time", Units.seconds(r.elapsedSeconds()) + " on " + r.cores() + " cores");
    t.row("throughput", Units.decimal(r.tokensPerSecond()) + " tokens/s, "
        + Units.decimal(r.mbPerSecond()) + " MB/s of text");
    t.row("cost", Units.decimal(r.cpuSecondsPerInputGb()) + " CPU-s per text GB, "
        + Units.decimal(r.docsPerSecondPerCore()) + " docs/s per core ("
        + Units.seconds(r.cpuSeconds()) + " CPU, " + r.cpuSource() + ")");
    sb.append(t.render());
    return sb.toString();
  }
}
