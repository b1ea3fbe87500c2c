package org.winnow.jobs.dedup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.winnow.core.Document;
import org.winnow.jobs.testing.SharedSpark;

/** Keep rules, drop-all, per-source scope, dedup against an earlier index, and hostile input. */
class DedupSemanticsTest {
  private static final PrintWriter QUIET = new PrintWriter(Writer.nullWriter());
  @TempDir static Path tmp;
  @RegisterExtension static final SharedSpark SPARK = new SharedSpark();

  private static Map<String, Row> read(Path dir) {
    Map<String, Row> m = new HashMap<>();
    for (Row r : SPARK.session().read().parquet(dir.toString()).collectAsList()) {
      m.put(r.getAs("id"), r);
    }
    return m;
  }

  private static String input(String name, List<Document> docs) {
    return DedupFixtures.write(SPARK.session(), tmp.resolve(name), docs);
  }

  @Test
  void dropAllAndLatestAndPerSource() {
    Random r = new Random(11);
    String t = DedupFixtures.words(r, 100);
    String in = input("policy", List.of(
        DedupFixtures.doc("x1", "http://x/1", "s1", 1, t),
        DedupFixtures.doc("x2", "http://x/2", "s1", 2, t),
        DedupFixtures.doc("x3", "http://x/3", "s2", 3, t),
        DedupFixtures.doc("solo", "http://x/4", "s1", 1, DedupFixtures.words(r, 100))));
    DedupSpec base = DedupSpec.defaults(List.of(in), tmp.resolve("o1").toString())
        .withModes(EnumSet.of(DedupMode.EXACT));
    DedupReport dropAll = new DedupJob(SPARK.session(), QUIET).run(
        base.withPolicy(ClusterPolicy.DROP_ALL, DedupScope.GLOBAL, KeepRule.EARLIEST));
    assertEquals(Map.of("exact_duplicate", 3L), dropAll.ledger().removed());
    assertEquals(List.of("solo"), List.copyOf(read(tmp.resolve("o1")).keySet()));

    DedupSpec latest = DedupSpec.defaults(List.of(in), tmp.resolve("o2").toString())
        .withModes(EnumSet.of(DedupMode.EXACT))
        .withPolicy(ClusterPolicy.KEEP_ONE, DedupScope.GLOBAL, KeepRule.LATEST);
    new DedupJob(SPARK.session(), QUIET).run(latest);
    Map<String, Row> kept = read(tmp.resolve("o2"));
    assertEquals(Map.of("x3", 2L, "solo", 0L), Map.of("x3", (long) kept.get("x3").getAs("dup_count"),
        "solo", (long) kept.get("solo").getAs("dup_count")));
    assertEquals(2, kept.size());

    DedupSpec perSource = DedupSpec.defaults(List.of(in), tmp.resolve("o3").toString())
        .withModes(EnumSet.of(DedupMode.EXACT, DedupMode.FUZZY))
        .withPolicy(ClusterPolicy.KEEP_ONE, DedupScope.PER_SOURCE, KeepRule.EARLIEST);
    new DedupJob(SPARK.session(), QUIET).run(perSource);
    // x1 keeps s1's copy; s2's copy is alone in its source and stays.
    assertEquals(java.util.Set.of("x1", "x3", "solo"), read(tmp.resolve("o3")).keySet());
  }

  @Test
  void verificationRejectsCandidatePairsBelowItsThreshold() {
    Random r = new Random(15);
    String t = DedupFixtures.words(r, 500);
    String in = input("verify", List.of(
        DedupFixtures.doc("v1", "http://v/1", "web", 1, t),
        DedupFixtures.doc("v2", "http://v/2", "web", 2, DedupFixtures.edited(t, 40, r))));
    DedupSpec base = DedupSpec.defaults(List.of(in), tmp.resolve("verify-off").toString())
        .withModes(EnumSet.of(DedupMode.FUZZY));
    assertEquals(1L, new DedupJob(SPARK.session(), QUIET).run(base).ledger().removedTotal());
    // The two signatures agree on most positions, but not on all of them.
    DedupSpec strict = DedupSpec.defaults(List.of(in), tmp.resolve("verify-on").toString())
        .withModes(EnumSet.of(DedupMode.FUZZY));
    strict = strict.withTuning(strict.minhash(), 1.0, 10, 100, false);
    assertEquals(0L, new DedupJob(SPARK.session(), QUIET).run(strict).ledger().removedTotal());
  }

  @Test
  void commandLinePrintsLedgerStepsAndSCurve() {
    Random r = new Random(14);
    String t = DedupFixtures.words(r, 60);
    String in = input("cli", List.of(
        DedupFixtures.doc("c1", "http://c/1", "web", 1, t),
        DedupFixtures.doc("c2", "http://c/2", "web", 2, t + " extra"),
        DedupFixtures.doc("c3", "http://c/3", "web", 3, DedupFixtures.words(r, 60))));
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = org.winnow.jobs.cli.WinnowCli.execute(new String[] {"dedup", "--input", in,
        "--output", tmp.resolve("cli-out").toString(), "--mode", "exact,fuzzy", "--master", "local[2]"},
        new PrintWriter(out), new PrintWriter(err));
    assertEquals(0, code, err.toString());
    String printed = out.toString();
    assertTrue(printed.contains("near_duplicate"), printed);
    assertTrue(printed.contains("exact_text") && printed.contains("fuzzy"), printed);
    assertTrue(printed.contains("S-curve for 14 bands x 8 rows"), printed);
    assertTrue(err.toString().contains("connected components converged in"), err.toString());
  }

  @Test
  void newCrawlIsDedupedAgainstAnEarlierIndex() {
    Random r = new Random(12);
    String old = DedupFixtures.words(r, 300);
    String first = input("crawl1", List.of(
        DedupFixtures.doc("old1", "http://o/1", "web", 1, old),
        DedupFixtures.doc("old2", "http://o/2", "web", 1, DedupFixtures.words(r, 300))));
    Path run1 = tmp.resolve("run1");
    new DedupJob(SPARK.session(), QUIET).run(DedupSpec.defaults(List.of(first), run1.toString())
        .withModes(EnumSet.of(DedupMode.FUZZY)));
    // The new copy is fetched earlier than the indexed one, yet the indexed one wins.
    String second = input("crawl2", List.of(
        DedupFixtures.doc("new1", "http://n/1", "web", 0, DedupFixtures.edited(old, 50, r)),
        DedupFixtures.doc("new2", "http://n/2", "web", 5, DedupFixtures.words(r, 300))));
    Path run2 = tmp.resolve("run2");
    DedupReport rep = new DedupJob(SPARK.session(), QUIET).run(DedupSpec.defaults(List.of(second),
        run2.toString())
        .withModes(EnumSet.of(DedupMode.FUZZY)).withAgainstIndex(Optional.of(run1.toString()), true));
    assertEquals(2, rep.ledger().in());
    assertEquals(Map.of("near_duplicate", 1L), rep.ledger().removed());
    assertEquals(java.util.Set.of("new2"), read(run2).keySet());
    Row removed = SPARK.session().read().parquet(run2.resolve("_removed").toString()).first();
    assertEquals("duplicate of old1", removed.getAs("detail"));

    DedupSpec otherParams = DedupSpec.defaults(List.of(second), tmp.resolve("run3").toString())
        .withModes(EnumSet.of(DedupMode.FUZZY)).withAgainstIndex(Optional.of(run1.toString()), true)
        .withTuning(new org.winnow.dedup.minhash.MinHashParams(5, 20, 5, 1), 0, 10, 100, false);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new DedupJob(SPARK.session(), QUIET).run(otherParams));
    assertTrue(e.getMessage().contains("use the same MinHash settings"), e.getMessage());
  }

  @Test
  void hostileInputOneGiantComponentATenMegabyteLineEmptyAndOneWordDocuments() {
    Random r = new Random(13);
    List<Document> docs = new ArrayList<>();
    String same = DedupFixtures.words(r, 80);
    for (int i = 0; i < 1500; i++) {
      docs.add(DedupFixtures.doc(String.format("same%05d", i), "http://g/" + i, "web", i % 7, same));
    }
    StringBuilder line = new StringBuilder(10_000_000);
    while (line.length() < 10_000_000) {
      line.append("token").append(line.length() % 9973).append(' ');
    }
    docs.add(DedupFixtures.doc("huge", "http://h/1", "web", 1, line.toString()));
    docs.add(DedupFixtures.doc("empty1", "http://h/2", "web", 1, ""));
    docs.add(DedupFixtures.doc("empty2", "http://h/3", "web", 2, "  \n\n "));
    docs.add(DedupFixtures.doc("oneword", "http://h/4", "web", 1, "hello"));
    String in = input("hostile", docs);
    StringWriter log = new StringWriter();
    Path out = tmp.resolve("hostile-out");
    // Fuzzy alone: the 1,500 copies must meet through LSH and form one component.
    DedupReport rep = new DedupJob(SPARK.session(), new PrintWriter(log, true)).run(
        DedupSpec.defaults(List.of(in), out.toString()).withModes(EnumSet.of(DedupMode.FUZZY, DedupMode.LINES)));
    assertTrue(rep.ledger().balanced());
    assertEquals(1504, rep.ledger().in());
    assertEquals(Map.of("near_duplicate", 1499L), rep.ledger().removed());
    Map<String, Row> kept = read(out);
    assertEquals(java.util.Set.of("same00000", "huge", "empty1", "empty2", "oneword"), kept.keySet());
    assertEquals(1499L, (long) kept.get("same00000").getAs("dup_count"));
    assertEquals(10_000_000, ((String) kept.get("huge").getAs("text")).length(), 10);
    assertTrue(log.toString().contains("connected components converged in"), log.toString());
  }
}
