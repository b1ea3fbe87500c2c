package org.winnow.trainer.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Two runs compared on the documents both scored, with a paired interval. */
class PairedComparisonTest {

  /** Held-out documents of very different difficulty, as real ones are. */
  private static List<DocumentLoss> baseline(int n, SplittableRandom r) {
    List<DocumentLoss> docs = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      long bytes = 500 + r.nextInt(4000);
      double bitsPerByte = 0.6 + 1.2 * r.nextDouble();
      docs.add(new DocumentLoss("d" + i, i % 3 == 0 ? "news" : "web", (int) (bytes / 4), bytes,
          bitsPerByte * bytes * Math.log(2)));
    }
    return docs;
  }

  @Test
  void aSmallImprovementOnEveryDocumentIsResolvedWhereTheRunsOwnIntervalsOverlap() {
    SplittableRandom r = new SplittableRandom(7);
    List<DocumentLoss> base = baseline(400, r);
    List<DocumentLoss> cand = new ArrayList<>();
    for (DocumentLoss d : base) {
      // 1% lower loss, give or take 2% per document: some documents get worse.
      double factor = 0.99 + 0.02 * (r.nextDouble() * 2 - 1);
      cand.add(new DocumentLoss(d.docId(), d.source(), d.tokens(), d.nBytes(), d.nats() * factor));
    }
    PairedComparison.Result c = PairedComparison.compare(base, cand, 1);
    PairedComparison.Difference pooled = c.pooled();
    assertEquals(400, pooled.documents());
    assertEquals("candidate better", pooled.verdict(), c.table());
    assertTrue(pooled.low() <= pooled.delta() && pooled.delta() <= pooled.high());
    assertEquals(pooled.candidateBpb() - pooled.baselineBpb(), pooled.delta(), 1e-12);
    assertEquals(-0.01 * pooled.baselineBpb(), pooled.delta(), 0.002 * pooled.baselineBpb());
    // Side by side, each run's own interval is wide enough to hide the difference.
    LossEstimate a = Bootstrap.estimate("a", base, 1);
    LossEstimate b = Bootstrap.estimate("b", cand, 1);
    assertTrue(b.bpbHigh() > a.bpbLow(), "the unpaired intervals overlap");
    assertTrue(pooled.high() - pooled.low() < (a.bpbHigh() - a.bpbLow()) / 5,
        "the paired interval is far narrower: " + c.table());
    assertTrue(pooled.candidateBetter() > 0.5 && pooled.candidateBetter() < 1,
        c.table());
    assertEquals(List.of("news", "web"),
        c.perSource().stream().map(PairedComparison.Difference::name).toList());
    assertEquals(400, c.perSource().stream().mapToInt(PairedComparison.Difference::documents)
        .sum());
  }

  @Test
  void theDifferenceIsOfTotalsOverTotalBytesAndNoChangeIsNotResolved() {
    List<DocumentLoss> base = List.of(new DocumentLoss("a", "web", 10, 100, 10),
        new DocumentLoss("b", "web", 10, 300, 20));
    List<DocumentLoss> cand = List.of(new DocumentLoss("b", "web", 12, 300, 20),
        new DocumentLoss("a", "web", 11, 100, 8));
    PairedComparison.Difference d = PairedComparison.compare(base, cand, 0).pooled();
    assertEquals(30 / Math.log(2) / 400, d.baselineBpb(), 1e-12);
    assertEquals(-2 / Math.log(2) / 400, d.delta(), 1e-12);
    assertEquals(0.5, d.candidateBetter());
    PairedComparison.Difference same = PairedComparison.compare(base, base, 0).pooled();
    assertEquals(0, same.delta());
    assertEquals(0, same.low());
    assertEquals(0, same.high());
    assertEquals("not resolved", same.verdict());
  }

  @Test
  void documentsOnlyOneRunScoredOrWhoseBytesDifferAreLeftOutAndCounted() {
    List<DocumentLoss> base = List.of(new DocumentLoss("a", "web", 10, 100, 10),
        new DocumentLoss("b", "web", 10, 100, 10), new DocumentLoss("c", "web", 10, 100, 10));
    List<DocumentLoss> cand = List.of(new DocumentLoss("a", "web", 10, 100, 9),
        new DocumentLoss("b", "web", 10, 101, 9), new DocumentLoss("z", "web", 10, 100, 9));
    PairedComparison.Result r = PairedComparison.compare(base, cand, 0);
    assertEquals(1, r.matched());
    assertEquals(1, r.bytesDiffer());
    assertEquals(3, r.baselineDocuments());
    assertEquals(3, r.candidateDocuments());
    assertTrue(r.table().contains("paired on 1 documents"), r.table());
  }

  @Test
  void seedsOfOneArmAreAveragedPerDocumentOnTheDocumentsAllOfThemScored() {
    List<DocumentLoss> s1 = List.of(new DocumentLoss("a", "web", 10, 100, 10),
        new DocumentLoss("b", "web", 10, 100, 20), new DocumentLoss("c", "web", 10, 100, 30));
    List<DocumentLoss> s2 = List.of(new DocumentLoss("b", "web", 10, 100, 22),
        new DocumentLoss("a", "web", 10, 100, 12), new DocumentLoss("c", "web", 10, 101, 30));
    List<DocumentLoss> mean = PairedComparison.meanOfRuns(List.of(s1, s2));
    assertEquals(List.of(new DocumentLoss("a", "web", 10, 100, 11),
        new DocumentLoss("b", "web", 10, 100, 21)), mean);
    double[] spread = PairedComparison.spread(List.of(s1, s2));
    assertEquals(30 / Math.log(2) / 200, spread[0], 1e-12);
    assertEquals(34 / Math.log(2) / 200, spread[1], 1e-12);
    assertEquals(s1, PairedComparison.meanOfRuns(List.of(s1)));
  }

  @Test
  void aRepeatedIdOrNothingToPairIsAClearError() {
    List<DocumentLoss> one = List.of(new DocumentLoss("a", "web", 1, 1, 1));
    IllegalArgumentException twice = assertThrows(IllegalArgumentException.class,
        () -> PairedComparison.compare(List.of(one.get(0), one.get(0)), one, 0));
    assertTrue(twice.getMessage().contains("lists document a twice"), twice.getMessage());
    IllegalArgumentException none = assertThrows(IllegalArgumentException.class,
        () -> PairedComparison.compare(one, List.of(new DocumentLoss("b", "web", 1, 1, 1)), 0));
    assertTrue(none.getMessage().contains("same held-out shards"), none.getMessage());
  }
}
