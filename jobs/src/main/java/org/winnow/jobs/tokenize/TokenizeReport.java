package org.winnow.jobs.tokenize;

import java.util.Map;
import org.winnow.core.ledger.Ledger;
import org.winnow.loader.manifest.ShardManifest;
import org.winnow.loader.manifest.SourceTotals;
import org.winnow.loader.manifest.SplitSummary;

/**
 * The result of a tokenize run: where the shards are, the ledger, the manifest it wrote, and
 * time and cost.
 *
 * @param textBytes UTF-8 bytes of the kept documents' text, both splits; 0 when skipped
 * @param cpuSource {@code process} (local mode: this JVM's CPU time) or {@code tasks}
 */
public record TokenizeReport(String output, boolean skipped, Ledger ledger,
    ShardManifest manifest, long textBytes, double elapsedSeconds, double cpuSeconds,
    String cpuSource, int cores) {

  static TokenizeReport skipped(String output, Ledger ledger, ShardManifest manifest) {
    return new TokenizeReport(output, true, ledger, manifest, 0, 0, 0, "", 0);
  }

  /** Documents written, both splits. */
  public long documents() {
    return manifest.splits().values().stream().mapToLong(SplitSummary::documents).sum();
  }

  /** Tokens written, both splits, end-of-text tokens included. */
  public long tokens() {
    return manifest.splits().values().stream().mapToLong(SplitSummary::tokens).sum();
  }

  /**
   * Text bytes per token, not counting the end-of-text token appended to each document: how
   * much text one token carries, the figure to compare vocabularies by.
   */
  public double bytesPerToken() {
    long textTokens = tokens() - documents();
    return textTokens == 0 ? 0 : (double) textBytes / textTokens;
  }

  /** Tokens per source, both splits, end-of-text tokens included. */
  public Map<String, Long> tokensBySource() {
    java.util.TreeMap<String, Long> out = new java.util.TreeMap<>();
    for (SplitSummary s : manifest.splits().values()) {
      for (Map.Entry<String, SourceTotals> e : s.sources().entrySet()) {
        out.merge(e.getKey(), e.getValue().tokens(), Long::sum);
      }
    }
    return out;
  }

  public double tokensPerSecond() {
    return elapsedSeconds > 0 ? tokens() / elapsedSeconds : 0;
  }

  public double mbPerSecond() {
    return elapsedSeconds > 0 ? textBytes / 1e6 / elapsedSeconds : 0;
  }

  public double cpuSecondsPerInputGb() {
    return textBytes > 0 ? cpuSeconds / (textBytes / 1e9) : 0;
  }

  public double docsPerSecondPerCore() {
    return cpuSeconds > 0 ? ledger.in() / cpuSeconds : 0;
  }
}
