package org.winnow.dedup.decontam;

import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.store.ByteArrayDataInput;
import org.apache.lucene.store.ByteBuffersDataOutput;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.IntsRefBuilder;
import org.apache.lucene.util.fst.FST;
import org.apache.lucene.util.fst.FSTCompiler;
import org.apache.lucene.util.fst.PositiveIntOutputs;
import org.apache.lucene.util.fst.Util;

/**
 * An index of the word n-grams of protected texts: every shingle that {@link ShingleAnalyzer}
 * (Lucene's analysis chain) emits is a key of a Lucene {@link FST}, the structure behind Lucene's
 * own terms dictionaries, whose output names the set of protected sources that contain it.
 * Looking a training text up costs one FST walk per shingle.
 *
 * <p>Why an FST and not an {@code IndexWriter} index: the index is only ever asked "is this term
 * there, and where from", which is exactly a terms dictionary; an FST answers that without codec
 * files, is a few compact byte arrays that ship to Spark executors as they are, and does not go
 * through Lucene's codec service loading (which breaks when a test-framework jar shares the
 * classpath, as the Europarl sample brings it to {@code jobs/}).
 */
public final class NgramIndex implements Serializable {
  private static final long serialVersionUID = 1L;

  private final int n;
  private final byte[] fstMeta;
  private final byte[] fstData;
  private final String[] sources;
  /** Output ordinal to the sources (indexes into {@link #sources}) that hold the shingle. */
  private final int[][] sourceSets;
  private final Map<String, Integer> textsBySource;
  private final Map<String, Integer> shortTextsBySource;
  private final long shingles;
  private transient FST<Long> fst;
  private transient ShingleAnalyzer analyzer;

  private NgramIndex(int n, byte[] fstMeta, byte[] fstData, String[] sources, int[][] sourceSets,
      Map<String, Integer> textsBySource, Map<String, Integer> shortTextsBySource, long shingles) {
    this.n = n;
    this.fstMeta = fstMeta;
    this.fstData = fstData;
    this.sources = sources;
    this.sourceSets = sourceSets;
    this.textsBySource = textsBySource;
    this.shortTextsBySource = shortTextsBySource;
    this.shingles = shingles;
  }

  /** Indexes {@code texts} with shingles of {@code n} words. */
  public static NgramIndex build(Iterable<ProtectedText> texts, int n) {
    ShingleAnalyzer analyzer = new ShingleAnalyzer(n);
    Map<String, Integer> sourceIds = new HashMap<>();
    List<String> sourceNames = new ArrayList<>();
    TreeMap<BytesRef, BitSet> terms = new TreeMap<>();
    Map<String, Integer> bySource = new TreeMap<>();
    Map<String, Integer> tooShort = new TreeMap<>();
    for (ProtectedText t : texts) {
      bySource.merge(t.source(), 1, Integer::sum);
      int sid = sourceIds.computeIfAbsent(t.source(), s -> {
        sourceNames.add(s);
        return sourceNames.size() - 1;
      });
      int[] found = {0};
      forEachShingle(analyzer, t.text(), s -> {
        found[0]++;
        terms.computeIfAbsent(new BytesRef(s), k -> new BitSet()).set(sid);
      });
      if (found[0] == 0) {
        // Shorter than n words: it cannot be matched, and the report says how many there were.
        tooShort.merge(t.source(), 1, Integer::sum);
      }
    }
    Map<BitSet, Integer> setIds = new HashMap<>();
    List<int[]> sets = new ArrayList<>();
    try {
      FSTCompiler<Long> compiler = new FSTCompiler.Builder<>(FST.INPUT_TYPE.BYTE1,
          PositiveIntOutputs.getSingleton()).build();
      IntsRefBuilder scratch = new IntsRefBuilder();
      // TreeMap<BytesRef> iterates in unsigned byte order, the order an FST is built in.
      for (Map.Entry<BytesRef, BitSet> e : terms.entrySet()) {
        int id = setIds.computeIfAbsent(e.getValue(), b -> {
          sets.add(b.stream().toArray());
          return sets.size() - 1;
        });
        compiler.add(Util.toIntsRef(e.getKey(), scratch), (long) id);
      }
      FST.FSTMetadata<Long> meta = compiler.compile();
      ByteBuffersDataOutput metaOut = new ByteBuffersDataOutput();
      ByteBuffersDataOutput dataOut = new ByteBuffersDataOutput();
      byte[] metaBytes = new byte[0];
      byte[] dataBytes = new byte[0];
      if (meta != null) {
        FST.fromFSTReader(meta, compiler.getFSTReader()).save(metaOut, dataOut);
        metaBytes = metaOut.toArrayCopy();
        dataBytes = dataOut.toArrayCopy();
      }
      return new NgramIndex(n, metaBytes, dataBytes, sourceNames.toArray(String[]::new),
          sets.toArray(int[][]::new), bySource, tooShort, terms.size());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot build the n-gram index", e);
    }
  }

  public int n() {
    return n;
  }

  /** Distinct shingles indexed. */
  public long shingles() {
    return shingles;
  }

  /** Protected texts per source, including those too short to index. */
  public Map<String, Integer> textsBySource() {
    return textsBySource;
  }

  /** Protected texts per source with fewer than {@code n} words, which no shingle can match. */
  public Map<String, Integer> shortTextsBySource() {
    return shortTextsBySource;
  }

  /** Size of the index in bytes. */
  public long bytes() {
    return fstMeta.length + fstData.length;
  }

  /** The shingles {@code text} shares with the protected texts. Thread-safe. */
  public Overlap overlap(String text) {
    FST<Long> f = fst();
    if (f == null) {
      return Overlap.NONE;
    }
    int[] total = {0};
    Set<String> matched = new HashSet<>();
    Map<String, Integer> bySource = new TreeMap<>();
    forEachShingle(analyzer, text, s -> {
      total[0]++;
      if (matched.contains(s)) {
        return;
      }
      Long out;
      try {
        out = Util.get(f, new BytesRef(s));
      } catch (IOException e) {
        throw new UncheckedIOException("n-gram lookup failed", e);
      }
      if (out != null) {
        matched.add(s);
        for (int sid : sourceSets[out.intValue()]) {
          bySource.merge(sources[sid], 1, Integer::sum);
        }
      }
    });
    return new Overlap(total[0], matched.size(), bySource);
  }

  private synchronized FST<Long> fst() {
    if (analyzer == null) {
      analyzer = new ShingleAnalyzer(n);
    }
    if (fst == null && fstMeta.length > 0) {
      try {
        PositiveIntOutputs outputs = PositiveIntOutputs.getSingleton();
        fst = new FST<>(FST.readMetadata(new ByteArrayDataInput(fstMeta), outputs),
            new ByteArrayDataInput(fstData));
      } catch (IOException e) {
        throw new UncheckedIOException("cannot open the n-gram index", e);
      }
    }
    return fst;
  }

  private static void forEachShingle(ShingleAnalyzer analyzer, String text,
      java.util.function.Consumer<String> sink) {
    try (TokenStream ts = analyzer.tokenStream("ngram", text)) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      ts.reset();
      while (ts.incrementToken()) {
        sink.accept(term.toString());
      }
      ts.end();
    } catch (IOException e) {
      throw new UncheckedIOException("shingling failed", e);
    }
  }
}
