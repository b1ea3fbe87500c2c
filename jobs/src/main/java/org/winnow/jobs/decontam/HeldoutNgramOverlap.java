package org.winnow.jobs.decontam;

import static org.apache.spark.sql.functions.col;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.winnow.dedup.decontam.NgramIndex;
import org.winnow.dedup.decontam.ProtectedText;
import org.winnow.jobs.tokenize.ContaminationTest;
import org.winnow.jobs.tokenize.HeldoutDecontamination;

/**
 * The tokenize job's held-out decontamination through the decontaminate stage's n-gram index: the
 * held-out documents' word n-gram shingles (13 by default, through the same Lucene analysis
 * chain) are indexed on the driver, and the job's tasks remove a train document that shares at
 * least {@code minMatches} of them. The held-out split is a small share of the corpus; its text
 * streams to the driver one partition at a time and only the index is kept.
 */
public final class HeldoutNgramOverlap implements HeldoutDecontamination {
  /** The ledger reason of the removed train documents. */
  public static final String REASON = "heldout_overlap";

  private final int ngram;
  private final int minMatches;

  public HeldoutNgramOverlap(int ngram, int minMatches) {
    if (ngram < 2 || minMatches < 1) {
      throw new IllegalArgumentException("need n-grams of at least 2 words and at least one "
          + "match, got " + ngram + " and " + minMatches);
    }
    this.ngram = ngram;
    this.minMatches = minMatches;
  }

  @Override
  public String reason() {
    return REASON;
  }

  @Override
  public ContaminationTest prepare(Dataset<Row> heldout) {
    Iterator<Row> rows = heldout.select(col("id"), col("text")).toLocalIterator();
    List<ProtectedText> texts = new ArrayList<>();
    while (rows.hasNext()) {
      Row r = rows.next();
      texts.add(new ProtectedText(r.getString(0), "heldout", r.getString(1)));
    }
    return new NgramOverlapTest(NgramIndex.build(texts, ngram), minMatches);
  }

  /** A train text is contaminated when it shares at least {@code minMatches} shingles. */
  private record NgramOverlapTest(NgramIndex index, int minMatches) implements ContaminationTest {
    @Override
    public Optional<String> overlap(String text) {
      // Stops at the deciding match: a train copy of a held-out text costs no more than a clean one.
      return index.sharesAtLeast(text, minMatches)
          ? Optional.of("shares at least " + minMatches + " " + index.n()
              + "-word " + (minMatches == 1 ? "shingle" : "shingles")
              + " with held-out documents")
          : Optional.empty();
    }
  }
}
