package org.winnow.tokenizer.pretokenize;

import static org.winnow.tokenizer.pretokenize.CharClasses.WHITESPACE;

/**
 * The whitespace alternatives that close the cl100k and o200k patterns. They differ in one
 * place: cl100k_base as tiktoken publishes it now tries {@code \s++$} first, so trailing
 * whitespace with a newline stays one piece, where the earlier form and o200k try
 * {@code \s*[\r\n]+} first and split after the last newline.
 */
final class WhitespaceRuns {

  private WhitespaceRuns() {}

  /** {@code \s*[\r\n]+|\s+(?!\S)|\s+}, from a whitespace character at {@code i}. */
  static int newlineFirst(byte[] s, int i, int limit) {
    int end = CharClasses.runOf(s, i, limit, WHITESPACE);
    int newline = lastNewline(s, i, end);
    if (newline >= 0) {
      return newline + 1;
    }
    return end == limit ? end : allButTheLast(s, i, end);
  }

  /** {@code \s++$|\s*[\r\n]|\s+(?!\S)|\s}, from a whitespace character at {@code i}. */
  static int textEndFirst(byte[] s, int i, int limit) {
    int end = CharClasses.runOf(s, i, limit, WHITESPACE);
    if (end == limit) {
      return end;
    }
    int newline = lastNewline(s, i, end);
    if (newline >= 0) {
      return newline + 1;
    }
    return allButTheLast(s, i, end);
  }

  /** {@code \s+(?!\S)|\s+} before a non-space: the run less its last character, or a lone one. */
  static int allButTheLast(byte[] s, int i, int end) {
    return CharClasses.isOneCodePoint(s, i, end) ? end : CharClasses.previousStart(s, end);
  }

  /** The last CR or LF in {@code s[from, to)}; neither byte occurs inside a multi-byte sequence. */
  private static int lastNewline(byte[] s, int from, int to) {
    for (int j = to - 1; j >= from; j--) {
      byte c = s[j];
      if (c == '\n' || c == '\r') {
        return j;
      }
    }
    return -1;
  }
}
