package org.winnow.trainer.eval;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * Two runs' held-out losses compared on the documents both scored: the difference in bits per
 * byte (candidate minus baseline) with a 95% paired bootstrap interval over documents, per
 * source and pooled.
 *
 * <p>Why paired: in a data ablation most of the spread of each run's own interval is which
 * documents happen to be held out (some are simply harder), and both runs share that. Resampling
 * the same documents for both runs cancels it, so the interval of the difference is much
 * narrower than the two runs' intervals side by side, and it is the one that says whether the
 * data change made a difference. Bits per byte, not nats per token, so that runs with different
 * tokenizers compare on the same footing.
 *
 * <p>What the interval does not cover is the training run's own noise (initialisation, data
 * order): a difference it resolves between two seeds of the same data is that noise, which is
 * why an ablation wants seed-to-seed differences beside it: {@link #meanOfRuns} averages each
 * document's loss over several seeds of one arm, which shrinks that noise, and
 * {@link #spread} gives each of the arm's runs' own bits per byte.
 *
 * <p>Documents are matched by id; one whose byte count differs between the runs is not the same
 * text and is left out (and counted), as are documents only one run scored.
 */
public final class PairedComparison {
  private PairedComparison() {}

  /**
   * The difference on one set of documents.
   *
   * @param delta candidate minus baseline, bits per byte; negative means the candidate is better
   * @param candidateBetter the share of documents on which the candidate's loss is lower
   */
  public record Difference(String name, int documents, long bytes, double baselineBpb,
      double candidateBpb, double delta, double low, double high, double candidateBetter) {

    /** Which run the interval favours, or that it does not exclude no difference. */
    public String verdict() {
      if (high < 0) {
        return "candidate better";
      }
      if (low > 0) {
        return "baseline better";
      }
      return "not resolved";
    }
  }

  /** The comparison, with how many documents each run had and how many could be paired. */
  public record Result(int baselineDocuments, int candidateDocuments, int matched,
      int bytesDiffer, List<Difference> perSource, Difference pooled) {

    public String table() {
      StringBuilder sb = new StringBuilder();
      sb.append(String.format(Locale.ROOT, "paired on %,d documents (baseline scored %,d, "
          + "candidate %,d; %,d left out because their byte counts differ)%n", matched,
          baselineDocuments, candidateDocuments, bytesDiffer));
      sb.append(String.format(Locale.ROOT, "%-16s %6s %9s %9s %27s %8s  %s%n", "held-out",
          "docs", "baseline", "candidate", "difference [95% CI]", "cand<base", "verdict"));
      for (Difference d : perSource) {
        line(sb, d);
      }
      line(sb, pooled);
      sb.append("bits per byte; difference = candidate - baseline, paired bootstrap over "
          + "documents\n");
      return sb.toString();
    }

    private static void line(StringBuilder sb, Difference d) {
      sb.append(String.format(Locale.ROOT, "%-16s %6d %9.4f %9.4f %+9.5f [%+8.5f,%+8.5f] %7.1f%%  %s%n",
          d.name(), d.documents(), d.baselineBpb(), d.candidateBpb(), d.delta(), d.low(),
          d.high(), 100 * d.candidateBetter(), d.verdict()));
    }
  }

  /**
   * @throws IllegalArgumentException when a run lists a document twice or no document can be
   *     paired
   */
  public static Result compare(List<DocumentLoss> baseline, List<DocumentLoss> candidate,
      long seed) {
    index(baseline, "baseline");
    Map<String, DocumentLoss> candidateById = index(candidate, "candidate");
    // In the baseline's order, so that the result does not depend on the candidate file's.
    List<DocumentLoss[]> pairs = new ArrayList<>();
    int bytesDiffer = 0;
    for (DocumentLoss b : baseline) {
      DocumentLoss c = candidateById.get(b.docId());
      if (c == null) {
        continue;
      }
      if (b.nBytes() != c.nBytes()) {
        bytesDiffer++;
      } else {
        pairs.add(new DocumentLoss[] {b, c});
      }
    }
    if (pairs.isEmpty()) {
      throw new IllegalArgumentException("no document was scored by both runs with the same "
          + "byte count (baseline " + baseline.size() + " documents, candidate "
          + candidate.size() + "): were they evaluated on the same held-out shards?");
    }
    Map<String, List<DocumentLoss[]>> bySource = new TreeMap<>();
    for (DocumentLoss[] p : pairs) {
      bySource.computeIfAbsent(p[0].source(), k -> new ArrayList<>()).add(p);
    }
    List<Difference> perSource = new ArrayList<>();
    for (Map.Entry<String, List<DocumentLoss[]>> e : bySource.entrySet()) {
      perSource.add(difference(e.getKey(), e.getValue(), seed));
    }
    return new Result(baseline.size(), candidate.size(), pairs.size(), bytesDiffer, perSource,
        difference("pooled", pairs, seed));
  }

  /**
   * One arm of several runs (seeds) as one: each document's loss is the mean over the runs,
   * for the documents that every run scored with the same byte count, in the first run's order.
   */
  public static List<DocumentLoss> meanOfRuns(List<List<DocumentLoss>> runs) {
    if (runs.size() == 1) {
      return runs.get(0);
    }
    List<Map<String, DocumentLoss>> byId = new ArrayList<>();
    for (int i = 0; i < runs.size(); i++) {
      byId.add(index(runs.get(i), "run " + (i + 1)));
    }
    List<DocumentLoss> mean = new ArrayList<>();
    for (DocumentLoss first : runs.get(0)) {
      double nats = 0;
      boolean everyRun = true;
      for (Map<String, DocumentLoss> run : byId) {
        DocumentLoss d = run.get(first.docId());
        if (d == null || d.nBytes() != first.nBytes()) {
          everyRun = false;
          break;
        }
        nats += d.nats();
      }
      if (everyRun) {
        mean.add(new DocumentLoss(first.docId(), first.source(), first.tokens(), first.nBytes(),
            nats / runs.size()));
      }
    }
    return mean;
  }

  /**
   * Each run's pooled bits per byte on the documents that all runs of the arm scored
   * ({@link #meanOfRuns}): how far apart the seeds of one arm are.
   */
  public static double[] spread(List<List<DocumentLoss>> runs) {
    List<DocumentLoss> common = meanOfRuns(runs);
    double[] bpb = new double[runs.size()];
    for (int i = 0; i < runs.size(); i++) {
      Map<String, DocumentLoss> run = index(runs.get(i), "run " + (i + 1));
      double nats = 0;
      long bytes = 0;
      for (DocumentLoss p : common) {
        DocumentLoss d = run.get(p.docId());
        if (d != null) {
          nats += d.nats();
          bytes += d.nBytes();
        }
      }
      bpb[i] = nats / Math.log(2) / Math.max(1, bytes);
    }
    return bpb;
  }

  private static Map<String, DocumentLoss> index(List<DocumentLoss> docs, String run) {
    Map<String, DocumentLoss> byId = new HashMap<>();
    for (DocumentLoss d : docs) {
      if (byId.put(d.docId(), d) != null) {
        throw new IllegalArgumentException("the " + run + " lists document " + d.docId()
            + " twice");
      }
    }
    return byId;
  }

  private static Difference difference(String name, List<DocumentLoss[]> pairs, long seed) {
    int n = pairs.size();
    double[] base = new double[n];
    double[] cand = new double[n];
    long[] bytes = new long[n];
    double baseSum = 0;
    double candSum = 0;
    long byteSum = 0;
    int better = 0;
    for (int i = 0; i < n; i++) {
      base[i] = pairs.get(i)[0].nats();
      cand[i] = pairs.get(i)[1].nats();
      bytes[i] = pairs.get(i)[0].nBytes();
      baseSum += base[i];
      candSum += cand[i];
      byteSum += bytes[i];
      if (cand[i] < base[i]) {
        better++;
      }
    }
    double toBpb = 1 / Math.log(2) / Math.max(1, byteSum);
    double[] deltas = new double[Bootstrap.RESAMPLES];
    SplittableRandom r = new SplittableRandom(seed);
    for (int s = 0; s < deltas.length; s++) {
      double diff = 0;
      long b = 0;
      for (int i = 0; i < n; i++) {
        int k = r.nextInt(n);
        diff += cand[k] - base[k];
        b += bytes[k];
      }
      deltas[s] = diff / Math.log(2) / Math.max(1, b);
    }
    Arrays.sort(deltas);
    return new Difference(name, n, byteSum, baseSum * toBpb, candSum * toBpb,
        (candSum - baseSum) * toBpb, deltas[Bootstrap.lowIndex()], deltas[Bootstrap.highIndex()],
        (double) better / n);
  }
}
