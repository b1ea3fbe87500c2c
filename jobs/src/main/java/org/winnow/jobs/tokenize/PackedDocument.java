package org.winnow.jobs.tokenize;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A kept document as the bytes the shuffle moves: id, source, text bytes and tokens, integers as
 * LEB128 varints. Token ids take one to three bytes instead of four, and the shuffle serializes
 * one byte array instead of a record's fields, which is most of its cost.
 */
final class PackedDocument {
  private PackedDocument() {}

  /** The bytes of a kept document. */
  static byte[] pack(EncodedDocument d) {
    byte[] id = d.docId().getBytes(StandardCharsets.UTF_8);
    byte[] source = d.source().getBytes(StandardCharsets.UTF_8);
    int[] tokens = d.tokens();
    byte[] out = new byte[id.length + source.length + 5 * (tokens.length + 3) + 10];
    int at = putVarint(out, 0, id.length);
    System.arraycopy(id, 0, out, at, id.length);
    at += id.length;
    at = putVarint(out, at, source.length);
    System.arraycopy(source, 0, out, at, source.length);
    at += source.length;
    at = putVarlong(out, at, d.nBytes());
    at = putVarint(out, at, tokens.length);
    for (int t : tokens) {
      at = putVarint(out, at, t);
    }
    return Arrays.copyOf(out, at);
  }

  /** Reads back what {@link #pack} wrote. */
  static Unpacked unpack(byte[] b) {
    int[] at = {0};
    int idLength = getVarint(b, at);
    String id = new String(b, at[0], idLength, StandardCharsets.UTF_8);
    at[0] += idLength;
    int sourceLength = getVarint(b, at);
    String source = new String(b, at[0], sourceLength, StandardCharsets.UTF_8);
    at[0] += sourceLength;
    long nBytes = getVarlong(b, at);
    int[] tokens = new int[getVarint(b, at)];
    for (int i = 0; i < tokens.length; i++) {
      tokens[i] = getVarint(b, at);
    }
    return new Unpacked(id, source, tokens, nBytes);
  }

  record Unpacked(String docId, String source, int[] tokens, long nBytes) {}

  private static int putVarint(byte[] out, int at, int v) {
    return putVarlong(out, at, v & 0xFFFFFFFFL);
  }

  private static int putVarlong(byte[] out, int at, long v) {
    while ((v & ~0x7FL) != 0) {
      out[at++] = (byte) ((v & 0x7F) | 0x80);
      v >>>= 7;
    }
    out[at++] = (byte) v;
    return at;
  }

  private static int getVarint(byte[] b, int[] at) {
    return (int) getVarlong(b, at);
  }

  private static long getVarlong(byte[] b, int[] at) {
    long v = 0;
    int shift = 0;
    while (true) {
      byte x = b[at[0]++];
      v |= (long) (x & 0x7F) << shift;
      if (x >= 0) {
        return v;
      }
      shift += 7;
    }
  }
}
