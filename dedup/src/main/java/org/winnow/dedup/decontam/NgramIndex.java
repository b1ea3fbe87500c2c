package org.winnow.dedup.decontam;

import it.unimi.dsi.fastutil.Hash;
import it.unimi.dsi.fastutil.HashCommon;
import it.unimi.dsi.fastutil.longs.Long2IntMap;
import it.unimi.dsi.fastutil.longs.Long2IntOpenHashMap;
import it.unimi.dsi.fastutil.longs.LongOpenHashSet;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * An index of the word n-grams of protected texts: every shingle ({@link ShingleWindows}, words
 * from Lucene's analysis chain), by the 64-bit hash of its words, maps to the set of protected
 * sources that contain it. Looking a training text up costs one hash-map probe per shingle, and
 * no shingle is ever built as a string.
 *
 * <p>Why hashes and not the shingles themselves: a 13-word shingle shares little with its
 * neighbours, so a structure that keeps the strings (a Lucene FST, which this index was first
 * built on) is over twenty times the size of the protected text and slow to build (about 50 µs
 * a shingle with the FST's suffix sharing, 6 µs without); the hash map takes about sixteen bytes
 * a shingle and builds at the speed of the word analysis. The price: two different shingles with
 * the same hash count as a match. With {@code P} protected shingles, a looked-up shingle matches
 * wrongly with probability {@code P / 2^64}, about once in 10^11 lookups against a hundred
 * million protected shingles.
 */
public final class NgramIndex implements Serializable {
  private static final long serialVersionUID = 3L;
  /** 13-word shingles, the size GPT-3 and later decontamination reports use. */
  public static final int DEFAULT_N = 13;
  private static final int ABSENT = -1;

  private final int n;
  private final String[] sources;
  /** Shingle hash to an index of {@link #sourceSets}. */
  private final Long2IntOpenHashMap shingleSets;
  /** The distinct sets of sources (indexes into {@link #sources}) that hold some shingle. */
  private final int[][] sourceSets;
  private final Map<String, Integer> textsBySource;
  private final Map<String, Integer> shortTextsBySource;
  private transient WordAnalyzer words;

  private NgramIndex(int n, String[] sources, Long2IntOpenHashMap shingleSets,
      int[][] sourceSets, Map<String, Integer> textsBySource,
      Map<String, Integer> shortTextsBySource) {
    this.n = n;
    this.sources = sources;
    this.shingleSets = shingleSets;
    this.sourceSets = sourceSets;
    this.textsBySource = textsBySource;
    this.shortTextsBySource = shortTextsBySource;
  }

  /** Indexes {@code texts} with shingles of {@code n} words. */
  public static NgramIndex build(Iterable<ProtectedText> texts, int n) {
    ShingleWindows windows = new ShingleWindows(new WordAnalyzer(), n);
    Builder b = new Builder(n);
    for (ProtectedText t : texts) {
      int sid = b.source(t.source());
      int[] found = {0};
      windows.forEach(t.text(), hash -> {
        found[0]++;
        b.add(hash, sid);
        return true;
      });
      // Shorter than n words: it cannot be matched, and the report says how many there were.
      b.countText(t.source(), 1, found[0] == 0 ? 1 : 0);
    }
    return b.build();
  }

  /**
   * One index of the shingles of all {@code parts}, as if their texts had been indexed together:
   * partial indexes built where the texts are (one per Spark partition) meet on the driver.
   *
   * @throws IllegalArgumentException where the parts' shingle sizes differ from {@code n}
   */
  public static NgramIndex merge(int n, Iterator<NgramIndex> parts) {
    Builder b = new Builder(n);
    while (parts.hasNext()) {
      NgramIndex part = parts.next();
      if (part.n != n) {
        throw new IllegalArgumentException("cannot merge an index of " + part.n
            + "-word shingles into one of " + n);
      }
      int[] sid = new int[part.sources.length];
      for (int i = 0; i < sid.length; i++) {
        sid[i] = b.source(part.sources[i]);
      }
      for (Long2IntMap.Entry e : part.shingleSets.long2IntEntrySet()) {
        for (int source : part.sourceSets[e.getIntValue()]) {
          b.add(e.getLongKey(), sid[source]);
        }
      }
      part.textsBySource.forEach((source, texts) -> b.countText(source, texts,
          part.shortTextsBySource.getOrDefault(source, 0)));
    }
    return b.build();
  }

  /**
   * Collects shingles and their sources. A shingle of one source maps to the source's id (the
   * common case, no object per shingle); one of several maps to {@code -2 - k}, {@code k}
   * indexing {@link #shared}.
   */
  private static final class Builder {
    private final int n;
    private final Map<String, Integer> sourceIds = new HashMap<>();
    private final List<String> sourceNames = new ArrayList<>();
    private final Long2IntOpenHashMap owners = new Long2IntOpenHashMap();
    private final List<BitSet> shared = new ArrayList<>();
    private final Map<String, Integer> texts = new TreeMap<>();
    private final Map<String, Integer> shortTexts = new TreeMap<>();

    Builder(int n) {
      this.n = n;
      owners.defaultReturnValue(ABSENT);
    }

    int source(String name) {
      return sourceIds.computeIfAbsent(name, s -> {
        sourceNames.add(s);
        return sourceNames.size() - 1;
      });
    }

    void countText(String source, int count, int tooShort) {
      texts.merge(source, count, Integer::sum);
      if (tooShort > 0) {
        shortTexts.merge(source, tooShort, Integer::sum);
      }
    }

    void add(long hash, int sid) {
      int owner = owners.putIfAbsent(hash, sid);
      if (owner >= 0 && owner != sid) {
        BitSet both = new BitSet();
        both.set(owner);
        both.set(sid);
        shared.add(both);
        owners.put(hash, -1 - shared.size());
      } else if (owner < ABSENT) {
        shared.get(-2 - owner).set(sid);
      }
    }

    NgramIndex build() {
      // Sets 0..S-1 are the single sources; the distinct shared sets follow.
      List<int[]> sets = new ArrayList<>();
      for (int s = 0; s < sourceNames.size(); s++) {
        sets.add(new int[] {s});
      }
      Map<BitSet, Integer> setIds = new HashMap<>();
      for (Long2IntMap.Entry e : owners.long2IntEntrySet()) {
        if (e.getIntValue() < ABSENT) {
          e.setValue(setIds.computeIfAbsent(shared.get(-2 - e.getIntValue()), x -> {
            sets.add(x.stream().toArray());
            return sets.size() - 1;
          }));
        }
      }
      owners.trim();
      return new NgramIndex(n, sourceNames.toArray(String[]::new), owners,
          sets.toArray(int[][]::new), texts, shortTexts);
    }
  }

  public int n() {
    return n;
  }

  /** Distinct shingles indexed. */
  public long shingles() {
    return shingleSets.size();
  }

  /** The index's size in memory, in bytes: its hash table. */
  public long bytes() {
    return (long) HashCommon.arraySize(shingleSets.size(), Hash.DEFAULT_LOAD_FACTOR)
        * (Long.BYTES + Integer.BYTES);
  }

  /** Protected texts per source, including those too short to index. */
  public Map<String, Integer> textsBySource() {
    return textsBySource;
  }

  /** Protected texts per source with fewer than {@code n} words, which no shingle can match. */
  public Map<String, Integer> shortTextsBySource() {
    return shortTextsBySource;
  }

  /** The shingles {@code text} shares with the protected texts. Thread-safe. */
  public Overlap overlap(String text) {
    int[] total = {0};
    LongOpenHashSet matched = new LongOpenHashSet();
    Map<String, Integer> bySource = new TreeMap<>();
    new ShingleWindows(words(), n).forEach(text, hash -> {
      total[0]++;
      int set = shingleSets.get(hash);
      if (set != ABSENT && matched.add(hash)) {
        for (int sid : sourceSets[set]) {
          bySource.merge(sources[sid], 1, Integer::sum);
        }
      }
      return true;
    });
    return new Overlap(total[0], matched.size(), bySource);
  }

  /**
   * Whether {@code text} shares at least {@code minMatches} distinct shingles with the protected
   * texts. Stops reading the text at the match that decides. Thread-safe.
   */
  public boolean sharesAtLeast(String text, int minMatches) {
    LongOpenHashSet matched = new LongOpenHashSet();
    new ShingleWindows(words(), n).forEach(text, hash -> {
      if (shingleSets.containsKey(hash)) {
        matched.add(hash);
      }
      return matched.size() < minMatches;
    });
    return matched.size() >= minMatches;
  }

  /** The analyzer, made on first use: it is not serialisable, so each executor makes its own. */
  private synchronized WordAnalyzer words() {
    if (words == null) {
      words = new WordAnalyzer();
    }
    return words;
  }
}
