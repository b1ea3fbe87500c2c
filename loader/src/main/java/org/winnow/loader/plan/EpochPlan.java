package org.winnow.loader.plan;

import java.util.Arrays;

/**
 * The order of one epoch of one dataset, a pure function of (chunk table, shuffle spec, seed,
 * epoch). Row groups are permuted across all shards, grouped into windows, and each window's
 * documents permuted; the epoch's document sequence is the windows' permuted documents one window
 * after another. Global index {@code i} of that sequence can be located without reading any data.
 */
public final class EpochPlan {
  private final ChunkTable table;
  private final ShuffleSpec spec;
  private final long seed;
  private final int epoch;
  private final int[] order;
  private final int[] windowFirst;
  private final long[] windowDocStart;

  private EpochPlan(ChunkTable table, ShuffleSpec spec, long seed, int epoch, int[] order,
      int[] windowFirst, long[] windowDocStart) {
    this.table = table;
    this.spec = spec;
    this.seed = seed;
    this.epoch = epoch;
    this.order = order;
    this.windowFirst = windowFirst;
    this.windowDocStart = windowDocStart;
  }

  /** Draws epoch {@code epoch}'s order; {@code seed} should already be specific to the dataset. */
  public static EpochPlan of(ChunkTable table, ShuffleSpec spec, long seed, int epoch) {
    int n = table.size();
    int[] order = spec.enabled()
        ? SplitMix64.permutation(n, SplitMix64.derive(seed, epoch, 0))
        : identity(n);
    int[] first = new int[n + 1];
    long[] docStart = new long[n + 1];
    int windows = 0;
    int i = 0;
    while (i < n) {
      first[windows] = i;
      long tokens = 0;
      long rows = 0;
      int count = 0;
      do {
        Chunk c = table.chunk(order[i]);
        tokens += c.tokens();
        rows += c.rows();
        count++;
        i++;
      } while (spec.enabled() && i < n && count < spec.windowRowGroups()
          && tokens + table.chunk(order[i]).tokens() <= spec.windowTokens()
          && rows + table.chunk(order[i]).rows() <= Integer.MAX_VALUE / 2);
      docStart[windows + 1] = docStart[windows] + rows;
      windows++;
    }
    first[windows] = n;
    return new EpochPlan(table, spec, seed, epoch, order, Arrays.copyOf(first, windows + 1),
        Arrays.copyOf(docStart, windows + 1));
  }

  private static int[] identity(int n) {
    int[] p = new int[n];
    for (int i = 0; i < n; i++) {
      p[i] = i;
    }
    return p;
  }

  public int epoch() {
    return epoch;
  }

  public ChunkTable table() {
    return table;
  }

  /** Documents in the epoch (every document once). */
  public long documents() {
    return windowDocStart[windowDocStart.length - 1];
  }

  public int windowCount() {
    return windowFirst.length - 1;
  }

  /** The window holding global index {@code doc}. */
  public int windowOf(long doc) {
    if (doc < 0 || doc >= documents()) {
      throw new IndexOutOfBoundsException("document " + doc + " of " + documents());
    }
    int lo = 0;
    int hi = windowCount() - 1;
    while (lo < hi) {
      int mid = (lo + hi + 1) >>> 1;
      if (windowDocStart[mid] <= doc) {
        lo = mid;
      } else {
        hi = mid - 1;
      }
    }
    return lo;
  }

  /** Global index of window {@code w}'s first document. */
  public long windowStart(int w) {
    return windowDocStart[w];
  }

  /** Lays out window {@code w}: its chunks and its document permutation. */
  public PlannedWindow window(int w) {
    int from = windowFirst[w];
    int to = windowFirst[w + 1];
    int[] chunks = Arrays.copyOfRange(order, from, to);
    int[] rowStart = new int[chunks.length + 1];
    for (int s = 0; s < chunks.length; s++) {
      rowStart[s + 1] = rowStart[s] + (int) table.chunk(chunks[s]).rows();
    }
    int rows = rowStart[chunks.length];
    int[] perm = spec.enabled()
        ? SplitMix64.permutation(rows, SplitMix64.derive(seed, epoch, 1, w))
        : identity(rows);
    return new PlannedWindow(epoch, w, chunks, rowStart, perm);
  }

  /** Canonical document index (see {@link ChunkTable}) of every global index, in order. */
  public long[] canonicalOrder() {
    long[] out = new long[Math.toIntExact(documents())];
    int k = 0;
    for (int w = 0; w < windowCount(); w++) {
      PlannedWindow win = window(w);
      for (int o = 0; o < win.rows(); o++) {
        int local = win.permuted(o);
        int slot = win.slotOf(local);
        out[k++] = table.firstDocument(win.chunk(slot)) + local - win.slotStart(slot);
      }
    }
    return out;
  }
}
