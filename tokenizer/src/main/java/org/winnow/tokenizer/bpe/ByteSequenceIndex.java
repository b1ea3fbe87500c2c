package org.winnow.tokenizer.bpe;

/**
 * Token bytes to token id: an open-addressing table whose slots hold the id, the length and the
 * first eight bytes packed in a long, so most probes settle on two primitive comparisons and
 * only longer tokens compare the rest against the {@link TokenBytes} arena.
 */
public final class ByteSequenceIndex {

  private static final long EMPTY = -1L;

  private final TokenBytes tokens;
  /** Per slot: the packed head, then length << 32 | id (-1 when empty); one cache line a probe. */
  private final long[] slots;
  private final int mask;
  private int size;

  /** An empty index over {@code tokens} with room for {@code capacity} entries. */
  public ByteSequenceIndex(TokenBytes tokens, int capacity) {
    this.tokens = tokens;
    int slots = Integer.highestOneBit(Math.max(4, capacity) * 2 - 1) * 2;
    this.slots = new long[slots * 2];
    for (int i = 1; i < this.slots.length; i += 2) {
      this.slots[i] = EMPTY;
    }
    this.mask = slots - 1;
  }

  /** The index of every id of {@code tokens} that has bytes. */
  public static ByteSequenceIndex ofAll(TokenBytes tokens) {
    ByteSequenceIndex index = new ByteSequenceIndex(tokens, tokens.size());
    for (int id = 0; id < tokens.size(); id++) {
      if (tokens.has(id)) {
        index.put(id);
      }
    }
    return index;
  }

  /**
   * Adds token {@code id} under its bytes.
   *
   * @return the id already indexed under the same bytes, or -1 if there was none (then
   *     {@code id} is added)
   */
  public int put(int id) {
    byte[] arena = tokens.arena();
    int off = tokens.offset(id);
    int len = tokens.length(id);
    if (size * 4L >= (mask + 1L) * 3L) {
      throw new IllegalStateException("index full: " + size + " entries");
    }
    long head = ByteHash.head(arena, off, len);
    int slot = (int) ByteHash.hash(arena, off, len) & mask;
    long entry;
    while ((entry = slots[2 * slot + 1]) != EMPTY) {
      if ((int) (entry >>> 32) == len && slots[2 * slot] == head
          && (len <= 8 || tokens.equalsRange((int) entry, arena, off, len))) {
        return (int) entry;
      }
      slot = (slot + 1) & mask;
    }
    slots[2 * slot] = head;
    slots[2 * slot + 1] = ((long) len << 32) | id;
    size++;
    return -1;
  }

  /** The id of {@code b[off, off + len)}, or -1. {@code b} needs {@link ByteHash#PADDING} spare bytes. */
  public int get(byte[] b, int off, int len) {
    return get(b, off, len, ByteHash.hash(b, off, len));
  }

  /** As {@link #get(byte[], int, int)} with the range's {@link ByteHash#hash} already computed. */
  int get(byte[] b, int off, int len, long hash) {
    long head = ByteHash.head(b, off, len);
    long[] t = slots;
    int slot = (int) hash & mask;
    long entry;
    while ((entry = t[2 * slot + 1]) != EMPTY) {
      if (t[2 * slot] == head && (int) (entry >>> 32) == len
          && (len <= 8 || tokens.equalsRange((int) entry, b, off, len))) {
        return (int) entry;
      }
      slot = (slot + 1) & mask;
    }
    return -1;
  }

  /** The number of entries. */
  public int size() {
    return size;
  }
}
