package org.winnow.tokenizer.bpe;

import java.util.Arrays;

/**
 * The byte sequence of every token id, in one arena: what decoding reads and what the tables
 * compare keys against. Ids without a token (gaps in a rank file) have no bytes.
 */
public final class TokenBytes {

  private final byte[] arena;
  private final int[] offsets;

  private TokenBytes(byte[] arena, int[] offsets) {
    this.arena = arena;
    this.offsets = offsets;
  }

  /**
   * The tokens {@code tokens[id]}, {@code null} where an id has none.
   */
  public static TokenBytes of(byte[][] tokens) {
    long total = 0;
    for (byte[] t : tokens) {
      total += t == null ? 0 : t.length;
    }
    if (total > Integer.MAX_VALUE - ByteHash.PADDING) {
      throw new IllegalArgumentException("vocabulary too large: " + total + " bytes");
    }
    byte[] arena = new byte[(int) total + ByteHash.PADDING];
    int[] offsets = new int[tokens.length + 1];
    int at = 0;
    for (int id = 0; id < tokens.length; id++) {
      byte[] t = tokens[id];
      offsets[id] = t == null ? -1 - at : at;
      if (t != null) {
        System.arraycopy(t, 0, arena, at, t.length);
        at += t.length;
      }
    }
    offsets[tokens.length] = at;
    return new TokenBytes(arena, offsets);
  }

  /** One more than the largest id. */
  public int size() {
    return offsets.length - 1;
  }

  /** Whether {@code id} has a token. */
  public boolean has(int id) {
    return id >= 0 && id < size() && offsets[id] >= 0;
  }

  /** The length of token {@code id}; {@code id} must have a token. */
  public int length(int id) {
    return start(id + 1) - offsets[id];
  }

  /** A copy of token {@code id}'s bytes. */
  public byte[] bytes(int id) {
    if (!has(id)) {
      throw new IllegalArgumentException("no token with id " + id);
    }
    return Arrays.copyOfRange(arena, offsets[id], offsets[id] + length(id));
  }

  /**
   * Writes token {@code id}'s bytes to {@code out} at {@code at}, which must have room.
   *
   * @return the position after the last byte written
   */
  public int copy(int id, byte[] out, int at) {
    int off = offsets[id];
    int len = length(id);
    System.arraycopy(arena, off, out, at, len);
    return at + len;
  }

  /** Whether token {@code id} equals {@code b[off, off + len)}. */
  boolean equalsRange(int id, byte[] b, int off, int len) {
    int start = offsets[id];
    return length(id) == len && Arrays.equals(arena, start, start + len, b, off, off + len);
  }

  /** The arena, for hashing a token in place. */
  byte[] arena() {
    return arena;
  }

  /** Where token {@code id} starts in the arena. */
  int offset(int id) {
    return offsets[id];
  }

  private int start(int id) {
    int o = offsets[id];
    return o >= 0 ? o : -1 - o;
  }
}
