package org.winnow.bench.loader;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.winnow.loader.Batch;
import org.winnow.loader.DatasetSpec;
import org.winnow.loader.TokenLoader;
import org.winnow.loader.manifest.RowGroupSummary;
import org.winnow.loader.manifest.ShardManifest;
import org.winnow.loader.manifest.ShardSummary;
import org.winnow.loader.plan.Chunk;
import org.winnow.loader.plan.ChunkTable;
import org.winnow.loader.plan.DatasetSeed;
import org.winnow.loader.plan.EpochPlan;
import org.winnow.loader.plan.ShuffleSpec;
import org.winnow.loader.plan.SplitMix64;
import org.winnow.loader.shard.Split;
import org.winnow.loader.state.LoaderState;

/**
 * Whole-loader figures for BENCHMARKS.md, each against a reference measured in the same run:
 *
 * <pre>
 *   generate DIR SHARDS TOKENS_PER_SHARD   write a synthetic shard set
 *   throughput DIR [SECONDS]               tokens/s delivered vs the files' raw read rate; heap
 *   overhead DIR STEP_MICROS BATCHES       time inside next() per batch behind a simulated step
 *   save-state DIR BATCHES STATE_FILE      run BATCHES batches, write the state
 *   resume DIR STATE_FILE                  time from JVM start and from build() to the first batch
 *   quality DIR                            shuffle quality against other orders
 * </pre>
 */
public final class LoaderBench {
  static final int BATCH = 16;
  static final int SEQ = 1024;

  private LoaderBench() {}

  public static void main(String[] args) throws Exception {
    switch (args[0]) {
      case "generate":
        long t0 = System.nanoTime();
        ShardManifest m = SyntheticShards.write(Path.of(args[1]), Integer.parseInt(args[2]),
            Long.parseLong(args[3]), 2024, Runtime.getRuntime().availableProcessors());
        System.out.printf(Locale.ROOT, "generated %d documents, %d tokens in %.1f s%n",
            m.split(Split.TRAIN, "").documents(), m.split(Split.TRAIN, "").tokens(),
            (System.nanoTime() - t0) / 1e9);
        break;
      case "throughput":
        throughput(Path.of(args[1]), args.length > 2 ? Double.parseDouble(args[2]) : 20);
        break;
      case "overhead":
        overhead(Path.of(args[1]), Integer.parseInt(args[2]), Integer.parseInt(args[3]));
        break;
      case "save-state":
        saveState(Path.of(args[1]), Integer.parseInt(args[2]), Path.of(args[3]));
        break;
      case "resume":
        resume(Path.of(args[1]), Path.of(args[2]));
        break;
      case "quality":
        quality(Path.of(args[1]));
        break;
      default:
        throw new IllegalArgumentException("unknown mode " + args[0]);
    }
  }

  static TokenLoader.Builder loader(Path data) {
    return TokenLoader.builder()
        .dataset(DatasetSpec.of("synthetic", data.toString()))
        .tokenizerSha256(SyntheticShards.TOKENIZER.sha256())
        .batchSize(BATCH).seqLen(SEQ).seed(1234);
  }

  private static void throughput(Path data, double seconds) throws Exception {
    ShardManifest m = manifest(data);
    long fileBytes = 0;
    for (ShardSummary s : m.split(Split.TRAIN, "").shards()) {
      fileBytes += Files.size(data.resolve(s.file()));
    }
    long tokens = m.split(Split.TRAIN, "").tokens();
    double bytesPerToken = fileBytes / (double) tokens;
    System.out.printf(Locale.ROOT, "data: %d shards, %d tokens, %.1f MB, %.3f bytes/token%n",
        m.split(Split.TRAIN, "").shards().size(), tokens, fileBytes / 1e6, bytesPerToken);
    List<Double> raw = new ArrayList<>();
    List<Double> delivered = new ArrayList<>();
    long[] peakHeap = {0, 0};
    try (TokenLoader warm = loader(data).build()) {
      drainFor(warm, 5, peakHeap);
    }
    List<Double> cpuPerBatch = new ArrayList<>();
    for (int round = 0; round < 3; round++) {
      raw.add(rawRead(data, m) / bytesPerToken);
      try (TokenLoader l = loader(data).seed(round).build()) {
        drainFor(l, 1, peakHeap);
        long cpu0 = processCpuNanos();
        double rate = drainFor(l, seconds / 3, peakHeap);
        double batches = rate * (seconds / 3) / (BATCH * SEQ);
        delivered.add(rate);
        cpuPerBatch.add((processCpuNanos() - cpu0) / batches);
      }
    }
    double ceiling = median(raw);
    double rate = median(delivered);
    System.out.printf(Locale.ROOT, "raw read ceiling:   %s M tokens/s (%.0f MB/s), rounds %s%n",
        fmt(ceiling / 1e6), ceiling * bytesPerToken / 1e6, list(raw));
    System.out.printf(Locale.ROOT, "loader, shuffle on: %s M tokens/s, rounds %s%n",
        fmt(rate / 1e6), list(delivered));
    System.out.printf(Locale.ROOT, "ratio loader/ceiling: %.3f%n", rate / ceiling);
    System.out.printf(Locale.ROOT, "CPU per batch of %d x %d, all threads of the process: %.0f us "
        + "(%.1f ns per token)%n", BATCH, SEQ, median(cpuPerBatch) / 1e3,
        median(cpuPerBatch) / (BATCH * SEQ));
    System.out.printf(Locale.ROOT, "heap: max used after GC %.0f MB, max sampled %.0f MB, -Xmx %.0f"
        + " MB%n", peakHeap[1] / 1e6, peakHeap[0] / 1e6,
        Runtime.getRuntime().maxMemory() / 1e6);
  }

  /** Tokens per second delivered to this thread over {@code seconds}. */
  private static double drainFor(TokenLoader l, double seconds, long[] peakHeap) {
    long start = System.nanoTime();
    long end = start + (long) (seconds * 1e9);
    long batches = 0;
    long sink = 0;
    long now;
    do {
      Batch b = l.next();
      sink += b.input(BATCH - 1, SEQ - 1);
      batches++;
      if ((batches & 255) == 0) {
        Runtime rt = Runtime.getRuntime();
        peakHeap[0] = Math.max(peakHeap[0], rt.totalMemory() - rt.freeMemory());
        peakHeap[1] = Math.max(peakHeap[1], afterGc());
      }
      now = System.nanoTime();
    } while (now < end);
    if (sink == 42) {
      System.out.print("");
    }
    return batches * (double) (BATCH * SEQ) / ((now - start) / 1e9);
  }

  /** Bytes per second at which the shard files can merely be read (page cache warm). */
  private static double rawRead(Path data, ShardManifest m) throws IOException {
    ByteBuffer buf = ByteBuffer.allocateDirect(1 << 20);
    long bytes = 0;
    long start = System.nanoTime();
    for (ShardSummary s : m.split(Split.TRAIN, "").shards()) {
      try (FileChannel ch = FileChannel.open(data.resolve(s.file()), StandardOpenOption.READ)) {
        while (true) {
          buf.clear();
          int n = ch.read(buf);
          if (n < 0) {
            break;
          }
          bytes += n;
        }
      }
    }
    return bytes / ((System.nanoTime() - start) / 1e9);
  }

  /**
   * Time the consumer spends inside {@code next()} while it simulates a training step between
   * calls: wall time (includes any preemption of this thread on a busy machine) and this thread's
   * CPU time (the loader's own cost on the training thread).
   */
  private static void overhead(Path data, int stepMicros, int batches) {
    java.lang.management.ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    try (TokenLoader l = loader(data).build()) {
      l.next();
      long[] wall = new long[batches];
      long[] cpu = new long[batches];
      for (int i = 0; i < batches; i++) {
        long spinUntil = System.nanoTime() + stepMicros * 1000L;
        while (System.nanoTime() < spinUntil) {
          Thread.onSpinWait();
        }
        long c = threads.getCurrentThreadCpuTime();
        long t = System.nanoTime();
        l.next();
        wall[i] = System.nanoTime() - t;
        cpu[i] = threads.getCurrentThreadCpuTime() - c;
      }
      System.out.printf(Locale.ROOT, "next() behind a %d us step, %d batches of %d x %d: wall %s;"
          + " consumer CPU %s%n", stepMicros, batches, BATCH, SEQ, summary(wall),
          summary(cpu));
    }
  }

  private static String summary(long[] nanos) {
    long[] s = nanos.clone();
    Arrays.sort(s);
    return String.format(Locale.ROOT, "mean %.1f us, p50 %.1f us, p99 %.1f us",
        Arrays.stream(s).average().orElse(0) / 1e3, s[s.length / 2] / 1e3,
        s[(int) (s.length * 0.99)] / 1e3);
  }

  private static void saveState(Path data, int batches, Path out) throws IOException {
    try (TokenLoader l = loader(data).build()) {
      for (int i = 0; i < batches; i++) {
        l.next();
      }
      LoaderState s = l.state();
      Files.writeString(out, s.toJson());
      System.out.println("state after " + batches + " batches: " + s.toJson());
    }
  }

  private static void resume(Path data, Path stateFile) throws IOException {
    long jvmStart = ManagementFactory.getRuntimeMXBean().getStartTime();
    long t0 = System.nanoTime();
    LoaderState s = LoaderState.fromJson(Files.readString(stateFile));
    try (TokenLoader l = loader(data).resumeFrom(s).build()) {
      long built = System.nanoTime();
      Batch b = l.next();
      long first = System.nanoTime();
      long cpu = processCpuNanos();
      System.out.printf(Locale.ROOT, "resume at batch %d: state parsed and loader built %.0f ms, "
          + "first batch %.0f ms after parsing began, %.0f ms after JVM start; process CPU time "
          + "%.0f ms (first token %d)%n", b.index(), (built - t0) / 1e6, (first - t0) / 1e6,
          System.currentTimeMillis() - jvmStart + 0.0, cpu / 1e6, b.input(0, 0));
    }
  }

  private static void quality(Path data) throws IOException {
    ShardManifest m = manifest(data);
    List<String> paths = new ArrayList<>();
    List<Chunk> chunks = new ArrayList<>();
    List<Integer> shardOfDoc = new ArrayList<>();
    List<ShardSummary> shards = m.split(Split.TRAIN, "").shards();
    for (int s = 0; s < shards.size(); s++) {
      paths.add(shards.get(s).file());
      int g = 0;
      for (RowGroupSummary rg : shards.get(s).rowGroups()) {
        chunks.add(new Chunk(s, g++, rg.rows(), rg.tokens()));
        for (long r = 0; r < rg.rows(); r++) {
          shardOfDoc.add(s);
        }
      }
    }
    ChunkTable table = new ChunkTable(paths, chunks);
    int[] shardOf = shardOfDoc.stream().mapToInt(Integer::intValue).toArray();
    int n = shardOf.length;
    Map<String, long[]> orders = new LinkedHashMap<>();
    orders.put("loader (row groups permuted, 8 Mi-token windows)",
        EpochPlan.of(table, ShuffleSpec.DEFAULT, DatasetSeed.of(1234, "synthetic"), 0)
            .canonicalOrder());
    orders.put("shards permuted, shuffle inside one shard", withinShard(shards, 7));
    orders.put("no shuffle", EpochPlan.of(table, ShuffleSpec.OFF, 0, 0).canonicalOrder());
    int[] perm = SplitMix64.permutation(n, 99);
    orders.put("full permutation (ideal)", Arrays.stream(perm).asLongStream().toArray());
    double ideal = ShuffleQuality.of(orders.get("full permutation (ideal)"), shardOf)
        .differenceEntropy();
    System.out.printf(Locale.ROOT, "%d documents, %d shards, %d row groups%n", n, shards.size(),
        chunks.size());
    for (Map.Entry<String, long[]> e : orders.entrySet()) {
      ShuffleQuality.Figures f = ShuffleQuality.of(e.getValue(), shardOf);
      System.out.printf(Locale.ROOT, "%-50s correlation %+.4f  difference entropy %.3f  shards "
          + "per 1024 docs %.1f%n", e.getKey(), f.correlation(), f.differenceEntropy() / ideal,
          f.shardsPer1024());
    }
  }

  private static long[] withinShard(List<ShardSummary> shards, long seed) {
    long[] start = new long[shards.size() + 1];
    for (int s = 0; s < shards.size(); s++) {
      start[s + 1] = start[s] + shards.get(s).rows();
    }
    int[] shardOrder = SplitMix64.permutation(shards.size(), seed);
    long[] out = new long[(int) start[shards.size()]];
    int k = 0;
    for (int s : shardOrder) {
      int rows = (int) (start[s + 1] - start[s]);
      for (int r : SplitMix64.permutation(rows, seed + s)) {
        out[k++] = start[s] + r;
      }
    }
    return out;
  }

  private static ShardManifest manifest(Path data) throws IOException {
    return ShardManifest.parse(Files.readAllBytes(data.resolve(ShardManifest.FILE_NAME)),
        data.toString());
  }

  /** Heap in use right after the last collection of each pool: the live set, roughly. */
  private static long afterGc() {
    long used = 0;
    for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
      if (p.getType() == MemoryType.HEAP && p.getCollectionUsage() != null) {
        used += p.getCollectionUsage().getUsed();
      }
    }
    return used;
  }

  private static long processCpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean)
        ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
  }

  private static double median(List<Double> xs) {
    List<Double> s = new ArrayList<>(xs);
    s.sort(null);
    return s.get(s.size() / 2);
  }

  private static String fmt(double x) {
    return String.format(Locale.ROOT, "%.1f", x);
  }

  private static String list(List<Double> xs) {
    StringBuilder b = new StringBuilder("[");
    for (double x : xs) {
      b.append(b.length() > 1 ? ", " : "").append(fmt(x / 1e6));
    }
    return b.append("]").toString();
  }
}
