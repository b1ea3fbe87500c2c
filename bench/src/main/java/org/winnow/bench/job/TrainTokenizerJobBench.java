package org.winnow.bench.job;

import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.winnow.bench.tokenizer.TrainingCorpus;
import org.winnow.jobs.spark.SessionLease;
import org.winnow.jobs.spark.SparkSessions;
import org.winnow.jobs.tokenize.TrainTokenizerJob;
import org.winnow.jobs.tokenize.TrainTokenizerReport;
import org.winnow.jobs.tokenize.TrainTokenizerSpec;
import org.winnow.tokenizer.Tokenizer;
import org.winnow.tokenizer.Tokenizers;

/**
 * {@code winnow train-tokenizer} as a job: a vocabulary of {@code --vocab} ids from
 * {@code --mb} MB of text ({@link TrainingCorpus}: the Europarl sample and tinyshakespeare, then
 * copies with misspellings) in {@code local[N]}, with the pre-token count (Spark), the merges
 * (driver) and the peak heap of this JVM, which in local mode holds driver and executors both.
 *
 * <p>Usage: {@code TrainTokenizerJobBench [--mb N] [--vocab N] [--cores N] [--pattern P]
 * [--work DIR]}
 */
public final class TrainTokenizerJobBench {
  private TrainTokenizerJobBench() {}

  public static void main(String[] args) throws Exception {
    long mb = Long.parseLong(TokenizeJobBench.option(args, "--mb", "100"));
    int vocab = Integer.parseInt(TokenizeJobBench.option(args, "--vocab", "32000"));
    int cores = Integer.parseInt(TokenizeJobBench.option(args, "--cores", "2"));
    String pattern = TokenizeJobBench.option(args, "--pattern", "gpt2");
    Path work = Path.of(TokenizeJobBench.option(args, "--work", "winnow-work/bench"))
        .toAbsolutePath();
    StringBuilder description = new StringBuilder();
    List<String> texts = TrainingCorpus.build(mb * 1_000_000, description);
    long bytes = 0;
    for (String t : texts) {
      bytes += t.getBytes(StandardCharsets.UTF_8).length;
    }
    TokenizeJobBench.say("corpus: %s; %,d documents, %.1f MB", description, texts.size(),
        bytes / 1e6);
    long t = System.nanoTime();
    try (SessionLease lease = SparkSessions.open("winnow train-tokenizer bench",
        Optional.of("local[" + cores + "]"), Map.of("spark.ui.enabled", "false"))) {
      TokenizeJobBench.say("SparkSession local[%d] start-up: %.1f s", cores,
          (System.nanoTime() - t) / 1e9);
      Path docs = work.resolve("train-docs");
      DocumentParquet.write(lease.session(), texts, "corpus", docs, cores * 4);
      texts = null;
      System.gc();
      resetPeaks();
      long before = heapUsed();
      TrainTokenizerReport r = new TrainTokenizerJob(lease.session(),
          new PrintWriter(System.err, true)).run(new TrainTokenizerSpec(List.of(docs.toString()),
          work.resolve("train-vocab").toString(), "bench", vocab, pattern, true));
      long peak = heapPeak();
      Tokenizer trained = Tokenizers.open(work.resolve("train-vocab"));
      String probe = "Resumption of the session: the Parliament votes.";
      if (!trained.decode(trained.encode(probe)).equals(probe)) {
        throw new IllegalStateException("the trained vocabulary does not round-trip");
      }
      TokenizeJobBench.say("");
      TokenizeJobBench.say("## Train-tokenizer job, %s, %d cores available, local[%d]",
          LocalDate.now(), Runtime.getRuntime().availableProcessors(), cores);
      TokenizeJobBench.say("vocabulary                 %,d ids (%s pattern)", r.vocabSize(),
          pattern);
      TokenizeJobBench.say("distinct pre-tokens        %,d", r.distinctPreTokens());
      TokenizeJobBench.say("pre-token count (Spark)    %.1f s", r.countSeconds());
      TokenizeJobBench.say("merges (driver)            %.1f s", r.mergeSeconds());
      TokenizeJobBench.say("whole job                  %.1f s (files written, committed)",
          r.elapsedSeconds());
      TokenizeJobBench.say("peak heap                  %.0f MB (%.0f MB in use before the job); "
          + "-Xmx %.0f MB", peak / 1e6, before / 1e6, Runtime.getRuntime().maxMemory() / 1e6);
    }
  }

  private static void resetPeaks() {
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        pool.resetPeakUsage();
      }
    }
  }

  private static long heapPeak() {
    long sum = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        sum += pool.getPeakUsage().getUsed();
      }
    }
    return sum;
  }

  private static long heapUsed() {
    long sum = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        sum += pool.getUsage().getUsed();
      }
    }
    return sum;
  }
}
