package org.winnow.jobs.dedup;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.posexplode;
import static org.apache.spark.sql.functions.size;
import static org.apache.spark.sql.functions.udf;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.storage.StorageLevel;
import org.winnow.core.schema.DocumentSchema;
import org.winnow.dedup.DedupSchema;

/**
 * Near-duplicate removal: MinHash signatures, LSH banding into candidate pairs (each bucket links
 * its members to its smallest node, so a bucket of n documents gives n - 1 edges, not n^2),
 * optional verification of a pair by signature agreement, connected components over the pairs,
 * and one document kept per component.
 */
final class FuzzyStep {
  static final String REASON = "near_duplicate";
  private static final String CLUSTER = "_cluster";
  private static final String BAND = "_band";
  private static final String KEY = "_band_key";

  private FuzzyStep() {}

  /**
   * @param result    the step's kept and removed rows
   * @param index     this run's signatures and band keys (the reusable index dataset)
   * @param rounds    connected-components rounds
   */
  record Outcome(StepResult result, Dataset<Row> index, int rounds) {}

  static Outcome run(Dataset<Row> docs, DedupSpec spec, Optional<Dataset<Row>> earlier,
      PrintWriter log) {
    String node = DedupColumns.NODE;
    String source = DocumentSchema.SOURCE.name();
    Dataset<Row> index = docs
        .select(col(DocumentSchema.ID.name()), col(node), col(source),
            col(DocumentSchema.FETCH_TIME.name()),
            udf(new Signatures(spec.minhash()), Signatures.TYPE)
                .apply(col(DocumentSchema.TEXT.name())).as("_s"))
        .where(size(col("_s." + Signatures.SIGNATURE)).gt(0))
        .select(col(DocumentSchema.ID.name()), col(node), col(source),
            col(DocumentSchema.FETCH_TIME.name()), col("_s." + Signatures.SIGNATURE).as(Signatures.SIGNATURE),
            col("_s." + Signatures.BANDS).as(Signatures.BANDS))
        .persist(StorageLevel.MEMORY_AND_DISK_SER());

    Dataset<Row> all = earlier.isPresent() ? index.unionByName(earlier.get().selectExpr(index.columns())) : index;

    List<Column> bucket = new ArrayList<>();
    if (spec.scope() == DedupScope.PER_SOURCE) {
      bucket.add(col(source));
    }
    bucket.add(col(BAND));
    bucket.add(col(KEY));
    Dataset<Row> entries = all.select(col(node), col(source),
        posexplode(col(Signatures.BANDS)).as(new String[] {BAND, KEY}));
    Dataset<Row> buckets = entries.groupBy(bucket.toArray(Column[]::new))
        .agg(min(col(node)).as("_min"), count(lit(1)).as("_n"))
        .where(col("_n").gt(1));
    List<String> joinKeys = new ArrayList<>();
    for (Column c : bucket) {
      joinKeys.add(c.toString());
    }
    Dataset<Row> edges = entries
        .join(buckets, scala.jdk.javaapi.CollectionConverters.asScala(joinKeys).toSeq())
        .where(col(node).notEqual(col("_min")))
        .select(col(node).as(ConnectedComponents.SRC), col("_min").as(ConnectedComponents.DST));
    if (spec.verifyJaccard() > 0) {
      edges = verified(edges, all, spec.verifyJaccard());
    }
    ConnectedComponents.Result cc = ConnectedComponents.run(edges, spec.maxRounds(), log);
    Dataset<Row> components = cc.components();

    Dataset<Row> candidates = docs;
    if (earlier.isPresent()) {
      Dataset<Row> old = earlier.get()
          .select(col(DocumentSchema.ID.name()), col(node), col(source),
              col(DocumentSchema.FETCH_TIME.name()))
          .withColumn(DedupColumns.FROM_INDEX, lit(true))
          .withColumn(DedupColumns.ROW, lit(-1L))
          .withColumn(DedupSchema.DUP_COUNT.name(), lit(0L));
      candidates = docs.unionByName(old, true);
    }
    Dataset<Row> clustered = candidates
        .join(components.select(col(ConnectedComponents.NODE), col(ConnectedComponents.COMPONENT).as(CLUSTER)),
            candidates.col(node).equalTo(components.col(ConnectedComponents.NODE)), "left")
        .drop(ConnectedComponents.NODE);
    StepResult r = GroupSelection.select(clustered, CLUSTER, REASON, spec.policy(),
        DedupColumns.priority(spec.keepRule()));
    Dataset<Row> kept = r.kept()
        .where(col(DedupColumns.FROM_INDEX).equalTo(lit(false)))
        .withColumn(DedupSchema.MINHASH_CLUSTER.name(), col(GroupSelection.KEPT_ID))
        .drop(CLUSTER, GroupSelection.KEPT_ID, GroupSelection.GROUP_SIZE);
    return new Outcome(new StepResult(kept, r.removed()), index, cc.rounds());
  }

  /** Keeps the pairs whose signatures agree on at least {@code threshold} of their positions. */
  private static Dataset<Row> verified(Dataset<Row> edges, Dataset<Row> sigs, double threshold) {
    Dataset<Row> a = sigs.select(col(DedupColumns.NODE).as("_na"), col(Signatures.SIGNATURE).as("_sa"));
    Dataset<Row> b = sigs.select(col(DedupColumns.NODE).as("_nb"), col(Signatures.SIGNATURE).as("_sb"));
    return edges
        .join(a, edges.col(ConnectedComponents.SRC).equalTo(a.col("_na")))
        .join(b, edges.col(ConnectedComponents.DST).equalTo(b.col("_nb")))
        .where(expr("aggregate(zip_with(_sa, _sb, (x, y) -> if(x = y, 1, 0)), 0, (acc, v) -> acc + v)"
            + " / size(_sa)").geq(lit(threshold)))
        .select(col(ConnectedComponents.SRC), col(ConnectedComponents.DST));
  }
}
