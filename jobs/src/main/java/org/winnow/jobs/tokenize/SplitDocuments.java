package org.winnow.jobs.tokenize;

import it.unimi.dsi.fastutil.ints.IntArrayList;
import it.unimi.dsi.fastutil.ints.IntArrays;
import it.unimi.dsi.fastutil.longs.LongArrayList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A task's kept documents of one split, held column-wise until they are sorted into shard order:
 * the tokens in fixed-size blocks, and each document's id, source, shuffle key, text hash and
 * byte count in parallel lists.
 *
 * <p>One array per column rather than a token array per document: a task holds a whole input
 * split's tokens (tens of MB), and millions of small arrays that live through several young
 * collections cost the GC more than the arrays' contents do. The tokens go in blocks of
 * {@link #BLOCK} ids rather than one growing array: growing a 50 MB array by copying allocated
 * about 2 GB per job on a 231 MB input, every copy a humongous G1 allocation that started a
 * concurrent cycle. A document never straddles two blocks (the rest of a block is left empty
 * when the next document does not fit), so its tokens are one range of one array; a document
 * longer than a block gets an array of its own.
 */
final class SplitDocuments {
  /** Ids per block: 256 KB, below G1's humongous threshold for any region size. */
  static final int BLOCK = 1 << 16;

  private final IntArrayList sink = new IntArrayList();
  private final List<int[]> blocks = new ArrayList<>();
  /** The block that short documents are filling, its index in {@link #blocks}, its free ids. */
  private int[] current = new int[0];
  private int currentIndex = -1;
  private int free;
  private final IntArrayList blockOf = new IntArrayList();
  private final IntArrayList starts = new IntArrayList();
  private final IntArrayList counts = new IntArrayList();
  private final List<String> ids = new ArrayList<>();
  private final List<String> sources = new ArrayList<>();
  private final LongArrayList shuffleKeys = new LongArrayList();
  private final LongArrayList textHashes = new LongArrayList();
  private final LongArrayList nBytes = new LongArrayList();

  /** Where the next document's tokens go: append them, then call {@link #add}. */
  IntArrayList tokenSink() {
    return sink;
  }

  /**
   * Records a document whose tokens were appended to {@link #tokenSink()} since the last call,
   * and empties the sink.
   *
   * @return its token count
   */
  int add(String docId, String source, long shuffleKey, long textHash, long bytes) {
    int count = sink.size();
    if (count > BLOCK) {
      blocks.add(Arrays.copyOf(sink.elements(), count));
      blockOf.add(blocks.size() - 1);
      starts.add(0);
    } else {
      if (count > free) {
        current = new int[BLOCK];
        blocks.add(current);
        currentIndex = blocks.size() - 1;
        free = BLOCK;
      }
      int at = BLOCK - free;
      System.arraycopy(sink.elements(), 0, current, at, count);
      free -= count;
      blockOf.add(currentIndex);
      starts.add(at);
    }
    counts.add(count);
    ids.add(docId);
    sources.add(source);
    shuffleKeys.add(shuffleKey);
    textHashes.add(textHash);
    nBytes.add(bytes);
    sink.clear();
    if (sink.elements().length > 4 * BLOCK) {
      // A very long document's buffer is not kept for the many short ones after it.
      sink.trim();
    }
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

  /** The array that holds document {@code i}'s tokens, at {@code [start(i), end(i))}. */
  int[] tokens(int i) {
    return blocks.get(blockOf.getInt(i));
  }

  int start(int i) {
    return starts.getInt(i);
  }

  int end(int i) {
    return starts.getInt(i) + counts.getInt(i);
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
