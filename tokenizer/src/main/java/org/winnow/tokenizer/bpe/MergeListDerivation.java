package org.winnow.tokenizer.bpe;

import java.util.Arrays;

/**
 * Recovers a merge list from tiktoken ranks, the conversion Hugging Face uses for tiktoken
 * vocabularies: the merge that creates the token of rank {@code r} is the last step of
 * byte-pair-encoding its bytes with only the ranks below {@code r}, which leaves exactly two parts.
 * With {@code ignore_merges} on, the listed vocabulary then encodes as the ranks do.
 */
public final class MergeListDerivation {

  private MergeListDerivation() {}

  /**
   * The merge list of {@code ranks}: {@code result[0][i] + result[1][i]} creates the i-th token of
   * two or more bytes, in rank order.
   *
   * @throws IllegalArgumentException if a token cannot be built from two lower-ranked ones
   */
  public static int[][] derive(TokenBytes ranks) {
    ByteSequenceIndex index = ByteSequenceIndex.ofAll(ranks);
    byte[] arena = ranks.arena();
    int[] lefts = new int[ranks.size()];
    int[] rights = new int[ranks.size()];
    int count = 0;
    int[] parts = new int[64];
    int[] ends = new int[64];
    for (int id = 0; id < ranks.size(); id++) {
      if (!ranks.has(id) || ranks.length(id) < 2) {
        continue;
      }
      int off = ranks.offset(id);
      int len = ranks.length(id);
      if (parts.length < len) {
        parts = new int[len * 2];
        ends = new int[len * 2];
      }
      // parts[i] is the id of bytes [ends[i-1], ends[i]); merge the lowest rank below id until stuck.
      int n = len;
      for (int i = 0; i < len; i++) {
        parts[i] = index.get(arena, off + i, 1);
        ends[i] = i + 1;
      }
      while (n > 2) {
        int best = Integer.MAX_VALUE;
        int at = -1;
        for (int i = 0; i + 1 < n; i++) {
          int start = i == 0 ? 0 : ends[i - 1];
          int merged = index.get(arena, off + start, ends[i + 1] - start);
          if (merged >= 0 && merged < id && merged < best) {
            best = merged;
            at = i;
          }
        }
        if (at < 0) {
          break;
        }
        parts[at] = best;
        ends[at] = ends[at + 1];
        System.arraycopy(parts, at + 2, parts, at + 1, n - at - 2);
        System.arraycopy(ends, at + 2, ends, at + 1, n - at - 2);
        n--;
      }
      if (n != 2) {
        throw new IllegalArgumentException("token of rank " + id + " does not split into two lower-ranked tokens");
      }
      lefts[count] = parts[0];
      rights[count] = parts[1];
      count++;
    }
    return new int[][] {Arrays.copyOf(lefts, count), Arrays.copyOf(rights, count)};
  }
}
