package org.winnow.bench.dedup;

import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.spark.sql.SparkSession;
import org.winnow.jobs.dedup.DedupJob;
import org.winnow.jobs.dedup.DedupMode;
import org.winnow.jobs.dedup.DedupReport;
import org.winnow.jobs.dedup.DedupSpec;
import org.winnow.jobs.spark.SessionLease;
import org.winnow.jobs.spark.SparkSessions;

/**
 * The whole fuzzy step on generated documents, for the scaling figure: wall time,
 * connected-components rounds, and this JVM's heap: the highest heap in use sampled every 100 ms,
 * and the highest old generation left after a collection, which is what the run really retains.
 * In local mode the driver and the executors share this JVM; with a cluster master
 * ({@code bench/dedup.sh scaling-cluster}) this JVM is the driver alone, and its heap is the
 * driver's.
 *
 * <p>Usage: {@code FuzzyScalingBench --docs N [--docs M ...] [--work DIR] [--master local[2]]}
 */
public final class FuzzyScalingBench {
  private FuzzyScalingBench() {}

  public static void main(String[] args) throws Exception {
    List<Long> sizes = new java.util.ArrayList<>();
    Path work = Path.of("winnow-work", "bench-dedup");
    String master = "local[2]";
    for (int i = 0; i < args.length; i += 2) {
      switch (args[i]) {
        case "--docs" -> sizes.add(Long.parseLong(args[i + 1]));
        case "--work" -> work = Path.of(args[i + 1]);
        case "--master" -> master = args[i + 1];
        default -> throw new IllegalArgumentException("unknown option " + args[i]);
      }
    }
    if (sizes.isEmpty()) {
      sizes = List.of(250_000L, 1_000_000L);
    }
    // Absolute: on a cluster the executors resolve paths from their own working directory.
    work = work.toAbsolutePath();
    Files.createDirectories(work);
    try (SessionLease lease = SparkSessions.open("dedup-scaling", Optional.of(master), Map.of(
        "spark.ui.enabled", "false", "spark.sql.shuffle.partitions", "64"))) {
      SparkSession spark = lease.session();
      for (long n : sizes) {
        Path docs = work.resolve("docs-" + n);
        if (!Files.exists(docs.resolve("_SUCCESS"))) {
          System.err.println("generating " + n + " documents in " + docs);
          GeneratedCorpus.write(spark, n, docs.toString());
        }
        Path out = work.resolve("out-" + n);
        DedupSpec spec = DedupSpec.defaults(List.of(docs.toString()), out.toString())
            .withModes(EnumSet.of(DedupMode.FUZZY))
            .withAgainstIndex(Optional.empty(), false);
        spec = spec.withTuning(spec.minhash(), 0, spec.lineMinDocs(), spec.maxRounds(), true);
        System.gc();
        resetPeaks();
        AtomicLong sampled = new AtomicLong();
        AtomicLong retained = new AtomicLong();
        Thread sampler = sampler(sampled, retained);
        DedupReport r = new DedupJob(spark, new PrintWriter(System.err, true)).run(spec);
        sampler.interrupt();
        System.out.printf(Locale.ROOT,
            "master=%s docs=%d seconds=%.1f rounds=%d removed=%d kept=%d peak_heap_mb=%d"
                + " peak_old_after_gc_mb=%d%n",
            master, n, r.elapsedSeconds(), r.ccRounds(), r.ledger().removedTotal(),
            r.ledger().kept(), sampled.get() >> 20, Math.max(retained.get(), oldAfterGc()) >> 20);
        System.out.flush();
      }
    }
  }

  private static Thread sampler(AtomicLong max, AtomicLong retained) {
    Thread t = new Thread(() -> {
      while (!Thread.currentThread().isInterrupted()) {
        long used = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        max.accumulateAndGet(used, Math::max);
        retained.accumulateAndGet(oldAfterGc(), Math::max);
        try {
          Thread.sleep(100);
        } catch (InterruptedException e) {
          return;
        }
      }
    }, "heap-sampler");
    t.setDaemon(true);
    t.start();
    return t;
  }

  private static void resetPeaks() {
    for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
      p.resetPeakUsage();
    }
  }

  private static long oldAfterGc() {
    long max = 0;
    for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
      if (p.getType() == MemoryType.HEAP && p.getName().toLowerCase(Locale.ROOT).contains("old")
          && p.getCollectionUsage() != null) {
        max = Math.max(max, p.getCollectionUsage().getUsed());
      }
    }
    return max;
  }
}
