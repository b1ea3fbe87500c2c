package org.winnow.bench.dedup;

import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.winnow.dedup.lsh.BandHashes;
import org.winnow.dedup.lsh.SCurve;
import org.winnow.dedup.minhash.MinHashParams;
import org.winnow.dedup.minhash.MinHasher;
import org.winnow.jobs.dedup.DedupJob;
import org.winnow.jobs.dedup.DedupMode;
import org.winnow.jobs.dedup.DedupSpec;
import org.winnow.jobs.spark.SessionLease;
import org.winnow.jobs.spark.SparkSchemas;
import org.winnow.jobs.spark.SparkSessions;

/**
 * Precision, recall and F1 of the fuzzy step at its default settings on {@link NearDupCorpus},
 * run as the real Spark job in local[2], and the measured LSH candidate probability per true
 * Jaccard bucket beside the theoretical S-curve. A pair counts as a true near duplicate when its
 * 5-gram Jaccard similarity is at least {@code --truth} (default 0.75, just above the S-curve's
 * midpoint of 0.72 for 14 x 8).
 *
 * <p>Usage: {@code NearDupQualityBench [--europarl N] [--variants-of N] [--each N] [--truth J] [--work DIR]}
 */
public final class NearDupQualityBench {
  private NearDupQualityBench() {}

  public static void main(String[] args) throws Exception {
    int europarl = 3000;
    int variantsOf = 600;
    int each = 8;
    double truth = 0.75;
    Path work = Path.of("winnow-work", "bench-neardup");
    for (int i = 0; i < args.length; i += 2) {
      switch (args[i]) {
        case "--europarl" -> europarl = Integer.parseInt(args[i + 1]);
        case "--variants-of" -> variantsOf = Integer.parseInt(args[i + 1]);
        case "--each" -> each = Integer.parseInt(args[i + 1]);
        case "--truth" -> truth = Double.parseDouble(args[i + 1]);
        case "--work" -> work = Path.of(args[i + 1]);
        default -> throw new IllegalArgumentException("unknown option " + args[i]);
      }
    }
    Path dev = findSharedData().map(p -> p.resolve("extraction-dev/html")).orElse(null);
    List<String> bases = NearDupCorpus.bases(europarl, dev);
    List<NearDupCorpus.Doc> docs = NearDupCorpus.build(bases, variantsOf, each, 42);
    System.out.printf(Locale.ROOT, "bases=%d (extraction-dev pages %s) documents=%d variants=%d%n",
        bases.size(), dev != null && Files.isDirectory(dev) ? "included" : "absent", docs.size(),
        variantsOf * each);
    candidateCurve(docs);

    Files.createDirectories(work);
    try (SessionLease lease = SparkSessions.open("neardup-quality", Optional.of("local[2]"),
        Map.of("spark.ui.enabled", "false", "spark.sql.shuffle.partitions", "8"))) {
      SparkSession spark = lease.session();
      List<Row> rows = new ArrayList<>();
      long t = 1_600_000_000_000L;
      for (NearDupCorpus.Doc d : docs) {
        // Bases are fetched first, so the keep rule keeps the base of a family.
        long when = d.id().equals(d.base()) ? t : t + 1000;
        rows.add(RowFactory.create(d.id(), "http://bench/" + d.id(), "bench", "bench",
            new Timestamp(when), "en", 1.0, "", d.text(), "bench.warc", 0L, 0));
      }
      String in = work.resolve("docs").toString();
      spark.createDataFrame(rows, SparkSchemas.document()).write().mode(SaveMode.Overwrite).parquet(in);
      String out = work.resolve("out").toString();
      DedupSpec spec = DedupSpec.defaults(List.of(in), out).withModes(EnumSet.of(DedupMode.FUZZY))
          .withAgainstIndex(Optional.empty(), false);
      spec = spec.withTuning(spec.minhash(), 0, spec.lineMinDocs(), spec.maxRounds(), true);
      new DedupJob(spark, new PrintWriter(Writer.nullWriter())).run(spec);
      Map<String, String> cluster = new HashMap<>();
      for (Row r : spark.read().parquet(out).select("id", "minhash_cluster").collectAsList()) {
        cluster.put(r.getString(0), r.getString(1));
      }
      for (Row r : spark.read().parquet(out + "/_removed").select("id", "detail").collectAsList()) {
        cluster.put(r.getString(0), r.getString(1).substring("duplicate of ".length()));
      }
      for (double j : new double[] {0.6, 0.7, truth, 0.8}) {
        score(docs, cluster, j);
      }
    }
  }

  private static void candidateCurve(List<NearDupCorpus.Doc> docs) {
    MinHashParams p = MinHashParams.defaults();
    MinHasher h = new MinHasher(p);
    Map<String, long[]> bands = new HashMap<>();
    for (NearDupCorpus.Doc d : docs) {
      bands.put(d.id(), BandHashes.of(h.signature(d.text()), p));
    }
    int[] pairs = new int[10];
    int[] candidates = new int[10];
    double[] theory = new double[10];
    for (NearDupCorpus.Doc d : docs) {
      if (d.id().equals(d.base())) {
        continue;
      }
      int bucket = Math.min(9, (int) (d.jaccard() * 10));
      pairs[bucket]++;
      theory[bucket] += SCurve.candidateProbability(d.jaccard(), p.bands(), p.rows());
      long[] a = bands.get(d.id());
      long[] b = bands.get(d.base());
      for (int i = 0; i < a.length; i++) {
        if (a[i] == b[i]) {
          candidates[bucket]++;
          break;
        }
      }
    }
    System.out.println("| true Jaccard | pairs | measured P(candidate) | theoretical (mean over the pairs) |");
    System.out.println("| --- | --- | --- | --- |");
    for (int b = 0; b < 10; b++) {
      if (pairs[b] == 0) {
        continue;
      }
      System.out.printf(Locale.ROOT, "| %.1f–%.1f | %d | %.3f | %.3f |%n", b / 10.0, (b + 1) / 10.0,
          pairs[b], (double) candidates[b] / pairs[b], theory[b] / pairs[b]);
    }
  }

  /** Pairwise over every variant and its base, plus every wrong merge of different families. */
  private static void score(List<NearDupCorpus.Doc> docs, Map<String, String> cluster, double truth) {
    long tp = 0;
    long fn = 0;
    long fp = 0;
    Map<String, String> familyOfCluster = new HashMap<>();
    long wrongMerges = 0;
    for (NearDupCorpus.Doc d : docs) {
      String c = cluster.get(d.id());
      if (!d.id().equals(d.base())) {
        boolean same = c.equals(cluster.get(d.base()));
        boolean dup = d.jaccard() >= truth;
        if (same && dup) {
          tp++;
        } else if (same) {
          fp++;
        } else if (dup) {
          fn++;
        }
      }
      String before = familyOfCluster.putIfAbsent(c, d.base());
      if (before != null && !before.equals(d.base())) {
        wrongMerges++;
      }
    }
    fp += wrongMerges;
    double p = tp + fp == 0 ? 1 : (double) tp / (tp + fp);
    double r = tp + fn == 0 ? 1 : (double) tp / (tp + fn);
    System.out.printf(Locale.ROOT,
        "truth: Jaccard >= %.2f  tp=%d fp=%d (of which merges of unrelated families %d) fn=%d  "
            + "precision=%.3f recall=%.3f F1=%.3f%n", truth, tp, fp, wrongMerges, fn, p, r,
        2 * p * r / (p + r));
  }

  private static Optional<Path> findSharedData() {
    for (Path q = Path.of("").toAbsolutePath(); q != null; q = q.getParent()) {
      Path candidate = q.resolve("../shared/data").normalize();
      if (Files.isRegularFile(q.resolve("pom.xml")) && Files.isDirectory(candidate)) {
        return Optional.of(candidate);
      }
    }
    return Optional.empty();
  }
}
