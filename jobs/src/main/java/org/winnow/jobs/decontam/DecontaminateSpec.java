package org.winnow.jobs.decontam;

import java.util.List;
import java.util.Objects;

/**
 * What one decontamination run reads, writes and how.
 *
 * @param inputs     training document datasets (Parquet, as ingest writes them)
 * @param against    the texts to protect: document datasets (Parquet directories with a
 *                   {@code text} column), {@code .txt} files (one text per line) or {@code .jsonl}
 *                   files (a {@code text} field per line)
 * @param output     the output directory
 * @param ngram      words per shingle (13 by default)
 * @param minMatches a document is contaminated when it shares at least this many shingles
 * @param remove     remove contaminated documents; otherwise keep them, flagged
 * @param force      redo a finished output
 */
public record DecontaminateSpec(
    List<String> inputs, List<String> against, String output, int ngram, int minMatches,
    boolean remove, boolean force) {
  public DecontaminateSpec {
    inputs = List.copyOf(inputs);
    against = List.copyOf(against);
    Objects.requireNonNull(output, "output");
    if (inputs.isEmpty()) {
      throw new IllegalArgumentException("at least one input is required");
    }
    if (against.isEmpty()) {
      throw new IllegalArgumentException("at least one --against path is required");
    }
    if (ngram < 2) {
      throw new IllegalArgumentException("ngram must be >= 2, got " + ngram);
    }
    if (minMatches < 1) {
      throw new IllegalArgumentException("minMatches must be >= 1, got " + minMatches);
    }
  }
}
