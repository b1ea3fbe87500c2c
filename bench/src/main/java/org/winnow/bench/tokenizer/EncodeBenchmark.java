package org.winnow.bench.tokenizer;

import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import com.knuddels.jtokkit.api.Encoding;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.winnow.tokenizer.Tokenizer;
import org.winnow.tokenizer.vocab.TiktokenEncoding;

/**
 * Single-thread encoding throughput over the Europarl sample: one operation encodes the next
 * document (cycling through all 17,597 in file order, the same sequence for every encoder), and
 * the {@code bytes} counter reports the UTF-8 bytes encoded per second. Read the {@code bytes}
 * rows: {@code bytes/s / 1e6} is MB/s.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(1)
public class EncodeBenchmark {

  @Param({"r50k_base", "cl100k_base"})
  public String encoding;

  private String[] docs;
  private int[] docBytes;
  private int next;
  private Tokenizer winnow;
  private Encoding jtokkit;
  private HuggingFaceTokenizer huggingFace;

  /** Bytes encoded, reported per second next to the operations. */
  @State(Scope.Thread)
  @AuxCounters(AuxCounters.Type.OPERATIONS)
  public static class Bytes {
    public long bytes;

    @Setup(Level.Iteration)
    public void reset() {
      bytes = 0;
    }
  }

  @Setup(Level.Trial)
  public void load() {
    List<String> all = EuroparlText.documents();
    docs = all.toArray(new String[0]);
    docBytes = new int[docs.length];
    for (int i = 0; i < docs.length; i++) {
      docBytes[i] = docs[i].getBytes(StandardCharsets.UTF_8).length;
    }
    TiktokenEncoding e = TiktokenEncoding.byName(encoding).orElseThrow();
    winnow = Encoders.winnow(e);
    jtokkit = Encoders.jtokkit(e);
    huggingFace = Encoders.huggingFace(e);
  }

  @TearDown(Level.Trial)
  public void close() {
    huggingFace.close();
  }

  private int nextDoc(Bytes counter) {
    int i = next;
    next = i + 1 == docs.length ? 0 : i + 1;
    counter.bytes += docBytes[i];
    return i;
  }

  @Benchmark
  public int winnow(Bytes counter) {
    return winnow.encode(docs[nextDoc(counter)]).length;
  }

  @Benchmark
  public int jtokkit(Bytes counter) {
    return jtokkit.encodeOrdinary(docs[nextDoc(counter)]).size();
  }

  @Benchmark
  public int huggingFace(Bytes counter) {
    return huggingFace.encode(docs[nextDoc(counter)], false, false).getIds().length;
  }
}
