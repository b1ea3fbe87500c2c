package org.winnow.tokenizer;

import java.util.Arrays;

/**
 * Finds the allowed special tokens in a text, leftmost first and the longest where two start at
 * the same place (the rule Hugging Face's added-token matcher applies). Remembers each token's
 * next occurrence so a text is searched once per token rather than once per match.
 */
final class SpecialTokenMatcher {

  private final String text;
  private final String[] tokens;
  private final int[] ids;
  private final int[] next;

  SpecialTokenMatcher(String text, String[] tokens, int[] ids) {
    this.text = text;
    this.tokens = tokens;
    this.ids = ids;
    this.next = new int[tokens.length];
    Arrays.fill(next, -2);
  }

  /** The index into the token arrays of the match at or after {@code from}, or -1. */
  int find(int from) {
    int best = -1;
    int bestAt = Integer.MAX_VALUE;
    for (int t = 0; t < tokens.length; t++) {
      if (next[t] == -1) {
        continue;
      }
      if (next[t] < from) {
        next[t] = text.indexOf(tokens[t], from);
        if (next[t] < 0) {
          next[t] = -1;
          continue;
        }
      }
      if (next[t] < bestAt || (next[t] == bestAt && tokens[t].length() > tokens[best].length())) {
        best = t;
        bestAt = next[t];
      }
    }
    return best;
  }

  /** Where match {@code t} starts. */
  int start(int t) {
    return next[t];
  }

  /** Where match {@code t} ends. */
  int end(int t) {
    return next[t] + tokens[t].length();
  }

  /** The id of match {@code t}. */
  int id(int t) {
    return ids[t];
  }
}
