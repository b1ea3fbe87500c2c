package org.winnow.tokenizer.bpe;

import it.unimi.dsi.fastutil.ints.IntArrayList;

/**
 * The ids of recently merged pieces, so a frequent word that is not a token is merged once per
 * thread rather than once per occurrence. Two-way set-associative with fixed-size entries of 64
 * bytes (the length and id count, up to {@link #MAX_PIECE} bytes of key, up to {@link #MAX_IDS}
 * ids): a lookup reads one set of two adjacent entries, a hit in the second entry swaps it to the
 * front, and a new piece goes to the front and pushes the older entry back, so each set keeps its
 * two most recently used pieces (exact LRU for two ways) with no other bookkeeping. Memory is fixed
 * at 8 MB. Longer pieces, or pieces of more ids, are not cached. Not thread-safe: one per thread.
 */
final class PieceCache {

  /** The longest piece cached, in bytes. */
  static final int MAX_PIECE = 24;
  /** The most ids a cached piece may have. */
  static final int MAX_IDS = 8;

  private static final int STRIDE = 8;
  private static final int SETS = 1 << 16;

  /** Per entry: length | id count << 8 (0 when empty), three words of key, four longs of two ids each. */
  private final long[] slots = new long[SETS * 2 * STRIDE];

  /** Appends the cached ids of {@code piece[0, len)} to {@code out}; false if not cached. */
  boolean appendTo(byte[] piece, int len, long hash, IntArrayList out) {
    long[] s = slots;
    int front = ((int) hash & (SETS - 1)) * 2 * STRIDE;
    long w0 = ByteHash.head(piece, 0, len);
    long w1 = len > 8 ? ByteHash.head(piece, 8, len - 8) : 0;
    long w2 = len > 16 ? ByteHash.head(piece, 16, len - 16) : 0;
    int at;
    if (matches(s, front, len, w0, w1, w2)) {
      at = front;
    } else if (matches(s, front + STRIDE, len, w0, w1, w2)) {
      // Most recently used goes to the front.
      for (int i = 0; i < STRIDE; i++) {
        long t = s[front + i];
        s[front + i] = s[front + STRIDE + i];
        s[front + STRIDE + i] = t;
      }
      at = front;
    } else {
      return false;
    }
    int count = (int) (s[at] >>> 8);
    // One capacity check for the piece, not one per id: add() per id was a sixth of encoding.
    int base = out.size();
    out.size(base + count);
    int[] ids = out.elements();
    for (int i = 0; i < count; i++) {
      long pair = s[at + 4 + (i >> 1)];
      ids[base + i] = (i & 1) == 0 ? (int) pair : (int) (pair >>> 32);
    }
    return true;
  }

  private static boolean matches(long[] s, int at, int len, long w0, long w1, long w2) {
    return (s[at] & 0xFF) == len && s[at + 1] == w0 && s[at + 2] == w1 && s[at + 3] == w2;
  }

  /** Caches {@code out[from, out.size())} as the ids of {@code piece[0, len)}. */
  void put(byte[] piece, int len, long hash, IntArrayList out, int from) {
    int count = out.size() - from;
    if (len > MAX_PIECE || count > MAX_IDS) {
      return;
    }
    long[] s = slots;
    int front = ((int) hash & (SETS - 1)) * 2 * STRIDE;
    System.arraycopy(s, front, s, front + STRIDE, STRIDE);
    s[front] = len | ((long) count << 8);
    s[front + 1] = ByteHash.head(piece, 0, len);
    s[front + 2] = len > 8 ? ByteHash.head(piece, 8, len - 8) : 0;
    s[front + 3] = len > 16 ? ByteHash.head(piece, 16, len - 16) : 0;
    int[] ids = out.elements();
    for (int i = 0; i < MAX_IDS; i += 2) {
      long low = i < count ? ids[from + i] & 0xFFFFFFFFL : 0;
      long high = i + 1 < count ? (long) ids[from + i + 1] << 32 : 0;
      s[front + 4 + (i >> 1)] = low | high;
    }
  }
}
