package org.winnow.trainer.eval;

import java.util.List;
import java.util.Locale;

/**
 * Held-out loss per source and pooled, and the per-document losses they came from (for pairwise
 * comparison of two runs on the same documents).
 */
public record EvalReport(long step, List<LossEstimate> perSource, LossEstimate pooled,
    List<DocumentLoss> documents) {

  /** The held-out table: one line per source, then the pooled line. */
  public String table() {
    StringBuilder sb = new StringBuilder();
    sb.append(String.format(Locale.ROOT, "%-16s %6s %10s %22s %22s%n", "held-out", "docs",
        "tokens", "nats/token [95% CI]", "bits/byte [95% CI]"));
    for (LossEstimate e : perSource) {
      line(sb, e);
    }
    line(sb, pooled);
    return sb.toString();
  }

  private static void line(StringBuilder sb, LossEstimate e) {
    sb.append(String.format(Locale.ROOT, "%-16s %6d %10d %7.4f [%6.4f,%6.4f] %7.4f [%6.4f,%6.4f]%n",
        e.name(), e.documents(), e.tokens(), e.natsPerToken(), e.natsLow(), e.natsHigh(),
        e.bitsPerByte(), e.bpbLow(), e.bpbHigh()));
  }
}
