package org.winnow.bench.tokenizer;

import it.unimi.dsi.fastutil.objects.Object2LongMap;
import it.unimi.dsi.fastutil.objects.Object2LongOpenHashMap;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.winnow.tokenizer.Tokenizer;
import org.winnow.tokenizer.Tokenizers;
import org.winnow.tokenizer.pretokenize.PreTokenPatterns;
import org.winnow.tokenizer.train.BpeTrainer;
import org.winnow.tokenizer.train.BpeTrainerConfig;
import org.winnow.tokenizer.train.PreTokenCounter;
import org.winnow.tokenizer.vocab.BpeDefinition;
import org.winnow.tokenizer.vocab.TiktokenRankFile;
import org.winnow.tokenizer.vocab.TokenizerJsonWriter;

/**
 * Trains a byte-level BPE vocabulary the way {@code winnow train-tokenizer} will, without Spark:
 * pre-tokens counted by N threads (the map step), the counts summed, merges learned on one thread
 * (the driver step), both files written and read back. Prints the times and the peak heap.
 *
 * <p>Usage: {@code TrainBench [--mb 100] [--vocab 32000] [--threads 2] [--pattern gpt2|cl100k|o200k]}.
 */
public final class TrainBench {

  private TrainBench() {}

  public static void main(String[] args) throws Exception {
    long megabytes = 100;
    int vocab = 32_000;
    int threads = 2;
    String patternName = "cl100k";
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--mb" -> megabytes = Long.parseLong(args[++i]);
        case "--vocab" -> vocab = Integer.parseInt(args[++i]);
        case "--threads" -> threads = Integer.parseInt(args[++i]);
        case "--pattern" -> patternName = args[++i];
        default -> throw new IllegalArgumentException("unknown argument " + args[i]);
      }
    }
    String pattern = switch (patternName) {
      case "gpt2" -> PreTokenPatterns.GPT2;
      case "cl100k" -> PreTokenPatterns.CL100K;
      case "o200k" -> PreTokenPatterns.O200K;
      default -> throw new IllegalArgumentException("unknown pattern " + patternName);
    };

    StringBuilder description = new StringBuilder();
    List<String> corpus = TrainingCorpus.build(megabytes * 1_000_000L, description);
    System.out.println("corpus: " + description + ", " + corpus.size() + " documents");
    System.gc();
    resetPeaks();
    long heapBefore = heapUsed();

    long t0 = System.nanoTime();
    Object2LongOpenHashMap<String> counts = count(corpus, pattern, threads);
    long t1 = System.nanoTime();
    BpeDefinition trained = new BpeTrainer(BpeTrainerConfig.of("bench-" + vocab, vocab, pattern)).train(counts);
    long t2 = System.nanoTime();
    long peak = heapPeak();

    Path dir = Files.createTempDirectory("winnow-train-bench");
    Path json = dir.resolve("tokenizer.json");
    Path ranks = dir.resolve("bench.tiktoken");
    TokenizerJsonWriter.write(trained, json);
    TiktokenRankFile.write(trained.tokens(), ranks);
    long t3 = System.nanoTime();
    Tokenizer reread = Tokenizers.huggingFace(json);
    long sample = 0;
    long tokens = 0;
    for (int i = 1; i < 17_597 && i < corpus.size(); i += 50) {
      sample += corpus.get(i).getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
      tokens += reread.encode(corpus.get(i)).length;
    }

    System.out.printf("pattern %s, vocabulary %d (%d merges learned), %d threads counting, %d cores%n",
        patternName, trained.vocabSize(), trained.mergeLefts().length, threads, Runtime.getRuntime().availableProcessors());
    System.out.printf("distinct pre-tokens: %,d%n", counts.size());
    System.out.printf("count pre-tokens: %.1f s%n", (t1 - t0) / 1e9);
    System.out.printf("learn merges:     %.1f s%n", (t2 - t1) / 1e9);
    System.out.printf("total:            %.1f s (writing both files %.1f s more)%n", (t2 - t0) / 1e9, (t3 - t2) / 1e9);
    System.out.printf("peak heap: %.0f MB (of which %.0f MB held the corpus and JVM before counting); -Xmx %.0f MB%n",
        peak / 1e6, heapBefore / 1e6, Runtime.getRuntime().maxMemory() / 1e6);
    System.out.printf("check: the tokenizer.json read back gives %.2f bytes/token on a Europarl sample%n", (double) sample / tokens);
    System.out.printf("files: tokenizer.json %.1f MB, rank file %.1f MB (written to %s, then deleted)%n",
        Files.size(json) / 1e6, Files.size(ranks) / 1e6, dir);
    Files.delete(json);
    Files.delete(ranks);
    Files.delete(dir);
  }

  private static Object2LongOpenHashMap<String> count(List<String> corpus, String pattern, int threads) throws Exception {
    PreTokenCounter counter = PreTokenCounter.forPattern(pattern);
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<Object2LongOpenHashMap<String>>> parts = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        int slice = t;
        parts.add(pool.submit(() -> {
          Object2LongOpenHashMap<String> local = new Object2LongOpenHashMap<>();
          for (int i = slice; i < corpus.size(); i += threads) {
            counter.count(corpus.get(i), local);
          }
          return local;
        }));
      }
      Object2LongOpenHashMap<String> total = parts.get(0).get();
      for (int t = 1; t < threads; t++) {
        for (Object2LongMap.Entry<String> e : parts.get(t).get().object2LongEntrySet()) {
          total.addTo(e.getKey(), e.getLongValue());
        }
      }
      return total;
    } finally {
      pool.shutdown();
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
    long peak = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        peak += pool.getPeakUsage().getUsed();
      }
    }
    return peak;
  }

  private static long heapUsed() {
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }
}
