package org.winnow.jobs.decontam;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.udf;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.winnow.dedup.decontam.NgramIndex;
import org.winnow.dedup.decontam.ProtectedText;
import org.winnow.jobs.tokenize.HeldoutDecontamination;

/**
 * The tokenize job's held-out decontamination through the decontaminate stage's n-gram index: the
 * held-out documents' word n-gram shingles (13 by default, through the same Lucene analysis
 * chain) are indexed on the driver and broadcast, and a train document that shares at least
 * {@code minMatches} of them is removed. The held-out split is a small share of the corpus; its
 * text streams to the driver one partition at a time and only the index is kept.
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
  public Dataset<Row> contaminated(Dataset<Row> train, Dataset<Row> heldout) {
    Iterator<Row> rows = heldout.select(col("id"), col("text")).toLocalIterator();
    List<ProtectedText> texts = new ArrayList<>();
    while (rows.hasNext()) {
      Row r = rows.next();
      if (!r.isNullAt(1)) {
        texts.add(new ProtectedText(r.getString(0), "heldout", r.getString(1)));
      }
    }
    NgramIndex index = NgramIndex.build(texts, ngram);
    Broadcast<NgramIndex> shared = JavaSparkContext.fromSparkContext(
        train.sparkSession().sparkContext()).broadcast(index);
    return train
        .withColumn("_o", udf(new OverlapFunction(shared), OverlapFunction.TYPE)
            .apply(col("text")))
        .where(col("_o." + OverlapFunction.MATCHED).geq(minMatches))
        .select(col("id"));
  }
}
