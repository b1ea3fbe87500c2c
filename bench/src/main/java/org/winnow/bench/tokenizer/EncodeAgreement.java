package org.winnow.bench.tokenizer;

import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import com.knuddels.jtokkit.api.Encoding;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.winnow.tokenizer.Tokenizer;
import org.winnow.tokenizer.vocab.TiktokenEncoding;

/**
 * Encodes every Europarl document with the three encoders, interleaved document by document so
 * they see the same machine load, counts documents whose ids differ from ours, and prints each
 * encoder's single-thread MB/s (thread CPU time, then wall time) and the ratios.
 *
 * <p>Usage: {@code EncodeAgreement [encoding...] [--passes N]}, default r50k_base cl100k_base, 2 passes
 * (the first one warms up and is not timed).
 */
public final class EncodeAgreement {

  private EncodeAgreement() {}

  public static void main(String[] args) {
    int passes = 2;
    List<String> names = new java.util.ArrayList<>();
    for (int i = 0; i < args.length; i++) {
      if (args[i].equals("--passes")) {
        passes = Integer.parseInt(args[++i]);
      } else {
        names.add(args[i]);
      }
    }
    if (names.isEmpty()) {
      names = List.of("r50k_base", "cl100k_base");
    }
    List<String> docs = EuroparlText.documents();
    byte[][] utf8 = new byte[docs.size()][];
    long bytes = 0;
    for (int i = 0; i < docs.size(); i++) {
      utf8[i] = docs.get(i).getBytes(StandardCharsets.UTF_8);
      bytes += utf8[i].length;
    }
    System.out.printf("Europarl: %d documents, %.1f MB of UTF-8%n", docs.size(), bytes / 1e6);
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    for (String name : names) {
      TiktokenEncoding encoding = TiktokenEncoding.byName(name).orElseThrow(() -> new IllegalArgumentException("unknown encoding " + name));
      Tokenizer winnow = Encoders.winnow(encoding);
      Encoding jtokkit = Encoders.jtokkit(encoding);
      HuggingFaceTokenizer hf = Encoders.huggingFace(encoding);
      System.out.println("== " + name + " (Hugging Face reads " + Encoders.huggingFaceSource(encoding) + ")");
      for (int pass = 0; pass < passes; pass++) {
        long[] cpu = new long[3];
        long[] wall = new long[3];
        long tokens = 0;
        int jtokkitDiffs = 0;
        int hfDiffs = 0;
        for (String doc : docs) {
          long c0 = threads.getCurrentThreadCpuTime();
          long w0 = System.nanoTime();
          int[] ours = winnow.encode(doc);
          long c1 = threads.getCurrentThreadCpuTime();
          long w1 = System.nanoTime();
          int[] theirs = jtokkit.encodeOrdinary(doc).toArray();
          long c2 = threads.getCurrentThreadCpuTime();
          long w2 = System.nanoTime();
          int[] hfIds = Encoders.ids(hf, doc);
          long c3 = threads.getCurrentThreadCpuTime();
          long w3 = System.nanoTime();
          cpu[0] += c1 - c0;
          cpu[1] += c2 - c1;
          cpu[2] += c3 - c2;
          wall[0] += w1 - w0;
          wall[1] += w2 - w1;
          wall[2] += w3 - w2;
          tokens += ours.length;
          jtokkitDiffs += Arrays.equals(ours, theirs) ? 0 : 1;
          hfDiffs += Arrays.equals(ours, hfIds) ? 0 : 1;
        }
        System.out.printf("pass %d%s: %d tokens; documents differing from ours: jtokkit %d, HF %d%n",
            pass + 1, pass == 0 && passes > 1 ? " (warm-up)" : "", tokens, jtokkitDiffs, hfDiffs);
        System.out.printf("  MB/s by CPU time: winnow %.1f, jtokkit %.1f, HF %.2f -> %.2fx jtokkit, %.1fx HF%n",
            mbps(bytes, cpu[0]), mbps(bytes, cpu[1]), mbps(bytes, cpu[2]), (double) cpu[1] / cpu[0], (double) cpu[2] / cpu[0]);
        System.out.printf("  MB/s by wall time: winnow %.1f, jtokkit %.1f, HF %.2f -> %.2fx jtokkit, %.1fx HF%n",
            mbps(bytes, wall[0]), mbps(bytes, wall[1]), mbps(bytes, wall[2]), (double) wall[1] / wall[0], (double) wall[2] / wall[0]);
      }
      hf.close();
    }
  }

  private static double mbps(long bytes, long nanos) {
    return bytes / (nanos / 1e9) / 1e6;
  }
}
