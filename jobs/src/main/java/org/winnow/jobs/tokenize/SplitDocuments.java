package org.winnow.jobs.tokenize;

import it.unimi.dsi.fastutil.ints.IntArrayList;
import it.unimi.dsi.fastutil.ints.IntArrays;
import it.unimi.dsi.fastutil.longs.LongArrayList;
import java.util.ArrayList;
import java.util.List;

/**
 * A task's kept documents of one split, held column-wise until they are sorted into shard order:
 * every document's tokens in one growing array, and its id, source, shuffle key, text hash and
 * byte count in parallel lists.
 *
 * <p>One array per column rather than a token array per document: a task holds a whole input
 * split's tokens (tens of MB), and millions of small arrays that live through several young
 * collections cost the GC more than the arrays' contents do.
 */
final class SplitDocuments {
  private final IntArrayList tokens = new IntArrayList();
  private final IntArrayList starts = new IntArrayList();
  private final List<String> ids = new ArrayList<>();
  private final List<String> sources = new ArrayList<>();
  private final LongArrayList shuffleKeys = new LongArrayList();
  private final LongArrayList textHashes = new LongArrayList();
  private final LongArrayList nBytes = new LongArrayList();
  /** Tokens that belong to documents already added; any beyond are the next one's. */
  private int recorded;

  /** Where the next document's tokens go: append them, then call {@link #add}. */
  IntArrayList tokenSink() {
    return tokens;
  }

  /**
   * Records a document whose tokens were appended to {@link #tokenSink()} since the last call.
   *
   * @return its token count
   */
  int add(String docId, String source, long shuffleKey, long textHash, long bytes) {
    starts.add(recorded);
    ids.add(docId);
    sources.add(source);
    shuffleKeys.add(shuffleKey);
    textHashes.add(textHash);
    nBytes.add(bytes);
    int count = tokens.size() - recorded;
    recorded = tokens.size();
    return count;
  }

  int size() {
    return ids.size();
  }

  /**
   * The documents' indices in shard order: by shuffle key, so that a shard is not in the order
   * the documents were crawled in, then by id and a hash of the text, so that the order is total
   * and every rerun writes the same rows in the same order.
   */
  int[] shardOrder() {
    int[] order = new int[size()];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    IntArrays.stableSort(order, (a, b) -> {
      int c = Long.compare(shuffleKeys.getLong(a), shuffleKeys.getLong(b));
      if (c == 0) {
        c = ids.get(a).compareTo(ids.get(b));
      }
      return c != 0 ? c : Long.compare(textHashes.getLong(a), textHashes.getLong(b));
    });
    return order;
  }

  /** All documents' tokens; document {@code i}'s are {@code [start(i), end(i))}. */
  int[] tokens() {
    return tokens.elements();
  }

  int start(int i) {
    return starts.getInt(i);
  }

  int end(int i) {
    return i + 1 < starts.size() ? starts.getInt(i + 1) : recorded;
  }

  String docId(int i) {
    return ids.get(i);
  }

  String source(int i) {
    return sources.get(i);
  }

  long nBytes(int i) {
    return nBytes.getLong(i);
  }
}
