package org.winnow.jobs.dedup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.winnow.jobs.testing.SharedSpark;

/** Large-star/small-star dueled against union-find, and its round count on long chains. */
class ConnectedComponentsTest {
  private static final StructType EDGES = DataTypes.createStructType(List.of(
      DataTypes.createStructField(ConnectedComponents.SRC, DataTypes.LongType, false),
      DataTypes.createStructField(ConnectedComponents.DST, DataTypes.LongType, false)));

  @RegisterExtension static final SharedSpark SPARK = new SharedSpark();

  private static Dataset<Row> edges(List<long[]> pairs) {
    List<Row> rows = new ArrayList<>();
    for (long[] p : pairs) {
      rows.add(RowFactory.create(p[0], p[1]));
    }
    return SPARK.session().createDataFrame(rows, EDGES);
  }

  private static Map<Long, Long> components(ConnectedComponents.Result r) {
    Map<Long, Long> m = new HashMap<>();
    for (Row row : r.components().collectAsList()) {
      Long before = m.put(row.getLong(0), row.getLong(1));
      assertTrue(before == null, "node " + row.getLong(0) + " in two components");
    }
    return m;
  }

  /** The oracle: union-find, each component labelled by its smallest node. */
  private static Map<Long, Long> unionFind(List<long[]> pairs) {
    Map<Long, Long> parent = new HashMap<>();
    for (long[] p : pairs) {
      long a = find(parent, p[0]);
      long b = find(parent, p[1]);
      if (a != b) {
        parent.put(Math.max(a, b), Math.min(a, b));
      }
    }
    Map<Long, Long> out = new HashMap<>();
    for (Long n : new ArrayList<>(parent.keySet())) {
      out.put(n, find(parent, n));
    }
    return out;
  }

  private static long find(Map<Long, Long> parent, long x) {
    parent.putIfAbsent(x, x);
    long root = x;
    while (parent.get(root) != root) {
      root = parent.get(root);
    }
    return root;
  }

  @Test
  void agreesWithUnionFindOnRandomGraphs() {
    Random r = new Random(3);
    for (int trial = 0; trial < 3; trial++) {
      List<long[]> pairs = new ArrayList<>();
      int nodes = 300;
      for (int i = 0; i < 250; i++) {
        // Large, signed node ids as xxhash64 gives them.
        long a = r.nextInt(nodes) * 0x9E3779B97F4A7C15L;
        long b = r.nextInt(nodes) * 0x9E3779B97F4A7C15L;
        pairs.add(new long[] {a, b});
      }
      ConnectedComponents.Result cc =
          ConnectedComponents.run(edges(pairs), 50, new PrintWriter(Writer.nullWriter()));
      Map<Long, Long> oracle = unionFind(pairs);
      oracle.entrySet().removeIf(e -> pairs.stream().noneMatch(p -> p[0] != p[1]
          && (p[0] == e.getKey() || p[1] == e.getKey())));
      assertEquals(oracle, components(cc));
    }
  }

  @Test
  void chainOfTwoThousandLinksConvergesInFewRounds() {
    StringWriter log = new StringWriter();
    ConnectedComponents.Result cc = chain(2_000, log);
    assertTrue(cc.rounds() <= 30, "rounds " + cc.rounds());
    assertTrue(log.toString().contains("converged in " + cc.rounds() + " rounds"), log.toString());
  }

  @Test
  void tooFewRoundsIsAClearError() {
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> chain(500, new StringWriter(), 1));
    assertTrue(e.getMessage().contains("did not converge in 1 rounds"), e.getMessage());
  }

  /** 100,000 links: bounded rounds, printed. */
  @Test
  @Tag("slow")
  void chainOfOneHundredThousandLinks() {
    StringWriter log = new StringWriter();
    ConnectedComponents.Result cc = chain(100_000, log);
    System.out.println("100,000-link chain: " + cc.rounds() + " rounds");
    assertTrue(cc.rounds() <= 60, "rounds " + cc.rounds());
  }

  private static ConnectedComponents.Result chain(int links, StringWriter log) {
    return chain(links, log, 100);
  }

  /** A path whose node ids are shuffled, so the smallest id sits anywhere along it. */
  private static ConnectedComponents.Result chain(int links, StringWriter log, int maxRounds) {
    List<Long> ids = new ArrayList<>();
    for (long i = 0; i <= links; i++) {
      ids.add(i * 7919);
    }
    java.util.Collections.shuffle(ids, new Random(5));
    List<long[]> pairs = new ArrayList<>();
    for (int i = 0; i < links; i++) {
      pairs.add(new long[] {ids.get(i), ids.get(i + 1)});
    }
    ConnectedComponents.Result cc = ConnectedComponents.run(edges(pairs).repartition(4),
        maxRounds, new PrintWriter(log, true));
    Dataset<Row> comps = cc.components();
    assertEquals(links + 1L, comps.count());
    assertEquals(1L, comps.select(ConnectedComponents.COMPONENT).distinct().count());
    // Node 0 is on the chain: every node's component is the smallest id.
    assertEquals(0L, comps.select(ConnectedComponents.COMPONENT).distinct().first().getLong(0));
    return cc;
  }
}
