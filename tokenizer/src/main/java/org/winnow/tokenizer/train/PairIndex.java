package org.winnow.tokenizer.train;

import it.unimi.dsi.fastutil.ints.IntArrayList;
import it.unimi.dsi.fastutil.longs.Long2LongOpenHashMap;
import it.unimi.dsi.fastutil.longs.Long2ObjectOpenHashMap;
import it.unimi.dsi.fastutil.longs.LongArrayList;

/**
 * For every adjacent pair of symbols: its weighted count over all words, and the words it occurs
 * in (possibly listed more than once, and possibly no longer holding it; merging checks). Pairs
 * are packed as {@code left << 32 | right}. The pairs created since the last call to
 * {@link #takeCreated} are remembered so the trainer can queue them with their final counts.
 */
final class PairIndex {

  private final Long2LongOpenHashMap counts = new Long2LongOpenHashMap();
  private final Long2ObjectOpenHashMap<IntArrayList> words = new Long2ObjectOpenHashMap<>();
  private final LongArrayList created = new LongArrayList();

  static long pair(int left, int right) {
    return ((long) left << 32) | right;
  }

  static int left(long pair) {
    return (int) (pair >>> 32);
  }

  static int right(long pair) {
    return (int) pair;
  }

  /** Counts every pair of {@code word}, at loading. */
  void addWord(TrainingWords all, int word) {
    long count = all.count(word);
    for (int i = 0; i + 1 < all.length(word); i++) {
      long p = pair(all.symbol(word, i), all.symbol(word, i + 1));
      counts.addTo(p, count);
      IntArrayList list = words.get(p);
      if (list == null) {
        list = new IntArrayList(4);
        words.put(p, list);
      }
      if (list.isEmpty() || list.getInt(list.size() - 1) != word) {
        list.add(word);
      }
    }
  }

  /** Adds {@code count} occurrences of {@code pair} in {@code word}. */
  void add(long pair, long count, int word) {
    if (counts.addTo(pair, count) == 0) {
      created.add(pair);
    }
    IntArrayList list = words.get(pair);
    if (list == null) {
      list = new IntArrayList(4);
      words.put(pair, list);
    }
    if (list.isEmpty() || list.getInt(list.size() - 1) != word) {
      list.add(word);
    }
  }

  /** Removes {@code count} occurrences of {@code pair}. */
  void subtract(long pair, long count) {
    long left = counts.addTo(pair, -count) - count;
    if (left <= 0) {
      counts.remove(pair);
      words.remove(pair);
    }
  }

  long count(long pair) {
    return counts.get(pair);
  }

  /** The words that may hold {@code pair}, forgetting them. */
  IntArrayList takeWords(long pair) {
    IntArrayList list = words.remove(pair);
    return list == null ? new IntArrayList() : list;
  }

  /** The pairs that appeared since the last call. */
  long[] takeCreated() {
    long[] pairs = created.toLongArray();
    created.clear();
    return pairs;
  }

  /** Every pair with a positive count, for seeding the queue. */
  Long2LongOpenHashMap counts() {
    return counts;
  }

  /** Drops the word list of a pair whose count reached zero, so memory follows live pairs. */
  void forgetIfDead(long pair) {
    if (!counts.containsKey(pair)) {
      words.remove(pair);
    }
  }
}
