package org.winnow.jobs.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.winnow.jobs.report.SummaryTable;
import org.winnow.jobs.report.Units;
import org.winnow.loader.Batch;
import org.winnow.loader.DatasetSpec;
import org.winnow.loader.TokenLoader;
import org.winnow.loader.manifest.ShardManifest;
import org.winnow.loader.manifest.ShardSummary;
import org.winnow.loader.plan.ShuffleSpec;
import org.winnow.loader.shard.Split;
import org.winnow.loader.store.LocalShardStore;
import org.winnow.loader.store.ShardStores;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code winnow loader-bench}: how fast the streaming loader delivers batches from shards. */
@Command(
    name = "loader-bench",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    sortOptions = false,
    header = "Measure the token loader on a shard set: tokens/s against the raw read rate.",
    description = {
      "Streams batches from the shards for a while on one consumer thread, as a trainer would, "
          + "and reads the same files' bytes as fast as possible, then prints both rates, "
          + "their ratio, the time spent inside next() per batch and the heap in use.",
      "Paths are local directories or Hadoop URIs; the raw read rate is measured for local "
          + "shards only."
    })
final class LoaderBenchCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = {"-d", "--data"}, required = true, split = ",", paramLabel = "DIR",
      description = "Shard-set directories (each with manifest.json), read as one dataset.")
  List<String> data = new ArrayList<>();

  @Option(names = "--split", paramLabel = "NAME", defaultValue = "train",
      description = "train or heldout (default: ${DEFAULT-VALUE}).")
  String split;

  @Option(names = "--tokenizer-sha256", paramLabel = "HEX",
      description = "Expected vocabulary hash (default: the first manifest's).")
  String sha256;

  @Option(names = "--batch-size", paramLabel = "B", defaultValue = "16",
      description = "Sequences per batch (default: ${DEFAULT-VALUE}).")
  int batchSize;

  @Option(names = "--seq-len", paramLabel = "T", defaultValue = "1024",
      description = "Input tokens per sequence (default: ${DEFAULT-VALUE}).")
  int seqLen;

  @Option(names = "--seconds", paramLabel = "S", defaultValue = "10",
      description = "How long to stream after a one-second warm-up (default: ${DEFAULT-VALUE}).")
  double seconds;

  @Option(names = "--seed", paramLabel = "N", defaultValue = "0",
      description = "Shuffle seed (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--no-shuffle", description = "Read documents in canonical order.")
  boolean noShuffle;

  @Option(names = "--decode-threads", paramLabel = "N", defaultValue = "2",
      description = "Threads decoding row groups (default: ${DEFAULT-VALUE}).")
  int decodeThreads;

  @Override
  public Integer call() throws IOException {
    if (batchSize <= 0 || seqLen <= 0 || decodeThreads <= 0 || !(seconds > 0)) {
      throw new ParameterException(spec.commandLine(), "--batch-size, --seq-len, "
          + "--decode-threads and --seconds must be positive");
    }
    Split s;
    try {
      s = Split.named(split);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage());
    }
    PrintWriter err = spec.commandLine().getErr();
    List<ShardManifest> manifests = new ArrayList<>();
    for (String root : data) {
      manifests.add(ShardManifest.read(ShardStores.forRoot(root), root));
    }
    String hash = sha256 != null ? sha256 : manifests.get(0).tokenizer().sha256();
    TokenLoader.Builder builder = TokenLoader.builder()
        .dataset(DatasetSpec.of("bench", data.toArray(new String[0])))
        .split(s).tokenizerSha256(hash).batchSize(batchSize).seqLen(seqLen).seed(seed)
        .decodeThreads(decodeThreads)
        .shuffle(noShuffle ? ShuffleSpec.OFF : ShuffleSpec.DEFAULT)
        .onWarning(w -> err.println("loader-bench: warning: " + w));
    long tokensPerBatch = (long) batchSize * seqLen;
    long batches = 0;
    long insideNext = 0;
    double elapsed;
    try (TokenLoader loader = builder.build()) {
      long warmEnd = System.nanoTime() + 1_000_000_000L;
      while (System.nanoTime() < warmEnd && loader.hasNext()) {
        loader.next();
      }
      long start = System.nanoTime();
      long end = start + (long) (seconds * 1e9);
      long nextReport = start + 1_000_000_000L;
      long now = start;
      while (now < end && loader.hasNext()) {
        long t = System.nanoTime();
        Batch b = loader.next();
        now = System.nanoTime();
        insideNext += now - t;
        batches++;
        if (b.index() < 0) {
          throw new IllegalStateException("negative batch index");
        }
        if (now >= nextReport) {
          err.printf(Locale.ROOT, "loader-bench: %s M tokens/s after %s%n",
              Units.decimal(batches * tokensPerBatch / ((now - start) / 1e9) / 1e6),
              Units.seconds((now - start) / 1e9));
          err.flush();
          nextReport += 1_000_000_000L;
        }
      }
      elapsed = (now - start) / 1e9;
    }
    double tokensPerSecond = batches * tokensPerBatch / elapsed;
    Runtime rt = Runtime.getRuntime();
    SummaryTable table = new SummaryTable().header("measure", "value")
        .row("batches", Units.count(batches))
        .row("tokens/s delivered (M)", Units.decimal(tokensPerSecond / 1e6))
        .row("time inside next() per batch (us)",
            Units.decimal(batches == 0 ? Double.NaN : insideNext / 1e3 / batches));
    double[] raw = rawRead(s);
    if (raw != null) {
      double rawTokens = raw[0] / raw[1];
      table.row("raw read (MB/s)", Units.decimal(raw[0] / 1e6))
          .row("raw read as tokens/s (M)", Units.decimal(rawTokens / 1e6))
          .row("loader / raw read", Units.decimal(tokensPerSecond / rawTokens));
    }
    table.row("heap in use (MB)", Units.decimal((rt.totalMemory() - rt.freeMemory()) / 1e6));
    spec.commandLine().getOut().print(table.render());
    spec.commandLine().getOut().flush();
    return 0;
  }

  /** Bytes/s reading the split's files, and their bytes per token; null for remote shards. */
  private double[] rawRead(Split s) throws IOException {
    List<Path> files = new ArrayList<>();
    long tokens = 0;
    for (String root : data) {
      if (ShardStores.forRoot(root) != LocalShardStore.INSTANCE) {
        return null;
      }
      Path dir = root.startsWith("file:") ? Path.of(java.net.URI.create(root)) : Path.of(root);
      ShardManifest m = ShardManifest.read(LocalShardStore.INSTANCE, dir.toString());
      for (ShardSummary shard : m.split(s, root).shards()) {
        files.add(dir.resolve(shard.file()));
        tokens += shard.tokens();
      }
    }
    ByteBuffer buf = ByteBuffer.allocateDirect(1 << 20);
    long bytes = 0;
    long start = System.nanoTime();
    for (Path f : files) {
      try (FileChannel ch = FileChannel.open(f, StandardOpenOption.READ)) {
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
    double seconds = (System.nanoTime() - start) / 1e9;
    return tokens == 0 ? null : new double[] {bytes / seconds, bytes / (double) tokens};
  }
}
