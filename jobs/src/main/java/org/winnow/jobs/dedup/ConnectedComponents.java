package org.winnow.jobs.dedup;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.greatest;
import static org.apache.spark.sql.functions.least;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.when;

import java.io.PrintWriter;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Connected components of an undirected graph held as a Dataset of edges, by the alternating
 * large-star / small-star algorithm (Kiveris, Lattanzi, Mirrokni, Rastogi, Vassilvitskii,
 * "Connected Components in MapReduce and Beyond", SoCC 2014). Every round is a few joins and
 * group-bys over the edges; nothing is collected on the driver, which only counts. The edge set
 * converges to stars around each component's smallest node in O(log^2 n) rounds; the run stops
 * when a round changes nothing, and fails after {@code maxRounds}.
 */
public final class ConnectedComponents {
  /** Edge and result columns. */
  public static final String SRC = "src";
  public static final String DST = "dst";
  public static final String NODE = "node";
  public static final String COMPONENT = "component";

  private ConnectedComponents() {}

  /**
   * The result: every node that has an edge, with its component (the smallest node in it).
   *
   * @param components (node long, component long)
   * @param rounds     large-star + small-star rounds until nothing changed
   */
  public record Result(Dataset<Row> components, int rounds) {}

  /**
   * @param edges (src long, dst long); direction and duplicates do not matter, self loops are ignored
   * @param log   where the round count and edge counts go
   */
  public static Result run(Dataset<Row> edges, int maxRounds, PrintWriter log) {
    Dataset<Row> e = orient(edges).localCheckpoint(true);
    long count = e.count();
    int round = 0;
    while (true) {
      if (round >= maxRounds) {
        throw new IllegalStateException("connected components did not converge in " + maxRounds
            + " rounds (" + count + " edges left); raise the round limit");
      }
      round++;
      Dataset<Row> next = smallStar(largeStar(e)).localCheckpoint(true);
      long nextCount = next.count();
      boolean changed = nextCount != count || !next.except(e).isEmpty();
      log.println("dedup: connected components round " + round + ": " + nextCount + " edges");
      log.flush();
      e = next;
      count = nextCount;
      if (!changed) {
        break;
      }
    }
    log.println("dedup: connected components converged in " + round + " rounds");
    log.flush();
    Dataset<Row> members = e.select(col(SRC).as(NODE), col(DST).as(COMPONENT));
    Dataset<Row> roots = e.select(col(DST).as(NODE), col(DST).as(COMPONENT));
    return new Result(members.union(roots).distinct(), round);
  }

  /** Each edge once, pointing from the larger node to the smaller, without self loops. */
  static Dataset<Row> orient(Dataset<Row> edges) {
    return edges
        .where(col(SRC).notEqual(col(DST)))
        .select(greatest(col(SRC), col(DST)).as(SRC), least(col(SRC), col(DST)).as(DST))
        .distinct();
  }

  /**
   * Large-star: every node u links its larger neighbours to m(u), the smallest of u and its
   * neighbours. Edges come in as (larger, smaller) and go out the same way.
   */
  static Dataset<Row> largeStar(Dataset<Row> e) {
    Dataset<Row> both = e.union(e.select(col(DST).as(SRC), col(SRC).as(DST)));
    Dataset<Row> mins = both.groupBy(col(SRC).as("u")).agg(min(col(DST)).as("m"));
    return both.join(mins, both.col(SRC).equalTo(mins.col("u")))
        .where(col(DST).gt(col(SRC)))
        .select(col(DST).as(SRC), least(col(SRC), col("m")).as(DST))
        .where(col(SRC).notEqual(col(DST)))
        .distinct();
  }

  /**
   * Small-star: every node u links itself and its smaller neighbours to m(u), the smallest of
   * them. Edges come in as (larger, smaller) and go out the same way.
   */
  static Dataset<Row> smallStar(Dataset<Row> e) {
    Dataset<Row> mins = e.groupBy(col(SRC).as("u")).agg(min(col(DST)).as("m"));
    return e.join(mins, e.col(SRC).equalTo(mins.col("u")))
        .select(when(col(DST).equalTo(col("m")), col(SRC)).otherwise(col(DST)).as(SRC),
            col("m").as(DST))
        .distinct();
  }
}
