package org.winnow.jobs.decontam;

import static org.apache.spark.sql.functions.col;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.winnow.dedup.decontam.NgramIndex;
import org.winnow.dedup.decontam.ProtectedText;
import org.winnow.jobs.tokenize.ContaminationTest;
import org.winnow.jobs.tokenize.HeldoutDecontamination;

/**
 * The tokenize job's held-out decontamination through the decontaminate stage's n-gram index: the
 * held-out documents' word n-gram shingles (13 by default, through the same Lucene analysis
 * chain) are indexed, and the job's tasks remove a train document that shares at least
 * {@code minMatches} of them. The held-out split is a small share of the corpus: each partition's
 * held-out texts are indexed by a task, and the partial indexes (about sixteen bytes a shingle)
 * merge on the driver into the one that is broadcast.
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
    // Each partition's texts are indexed where they are read, all partitions at once, in one
    // Spark job; the partial indexes merge on the driver. They come back as one result, so the
    // index must fit spark.driver.maxResultSize (1 GB by default: some 60 million shingles), as
    // the broadcast must fit the executors.
    List<NgramIndex> parts = heldout.select(col("id"), col("text")).javaRDD()
        .mapPartitions(new PartialIndex(ngram))
        .collect();
    return new NgramOverlapTest(NgramIndex.merge(ngram, parts.iterator()), minMatches);
  }

  /** The n-gram index of one partition's held-out texts. */
  private record PartialIndex(int ngram) implements FlatMapFunction<Iterator<Row>, NgramIndex> {
    @Override
    public Iterator<NgramIndex> call(Iterator<Row> rows) {
      List<ProtectedText> texts = new ArrayList<>();
      rows.forEachRemaining(r -> texts.add(
          new ProtectedText(r.getString(0), "heldout", r.getString(1))));
      return List.of(NgramIndex.build(texts, ngram)).iterator();
    }
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
