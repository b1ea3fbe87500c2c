package org.winnow.tokenizer.pretokenize;

import static org.winnow.tokenizer.pretokenize.CharClasses.LOWER_SIDE;
import static org.winnow.tokenizer.pretokenize.CharClasses.NEWLINE_LETTER_NUMBER;
import static org.winnow.tokenizer.pretokenize.CharClasses.NUMBER;
import static org.winnow.tokenizer.pretokenize.CharClasses.SPACE_LETTER_NUMBER;
import static org.winnow.tokenizer.pretokenize.CharClasses.UPPER_SIDE;

/**
 * A hand-written scanner with the splits of o200k_base's pattern. Its two word alternatives,
 * {@code P?U*L+C?} and {@code P?U+L*C?} with {@code P = [^\r\n\p{L}\p{N}]},
 * {@code U = [\p{Lu}\p{Lt}\p{Lm}\p{Lo}\p{M}]} and {@code L = [\p{Ll}\p{Lm}\p{Lo}\p{M}]}, overlap:
 * marks are in all three classes and modifier/other letters in both U and L, so the scanner
 * reproduces the regex's backtracking order (prefix taken before prefix skipped, the longest
 * {@code U*} that still lets {@code L+} match) rather than a greedy reading.
 */
final class O200kPreTokenizer extends Scanner {

  O200kPreTokenizer(String pattern) {
    super(pattern);
  }

  @Override
  int pieceEnd(byte[] s, int i, int n) {
    int cp = CharClasses.codePointAt(s, i);
    int k = CharClasses.of(cp);
    int next = i + CharClasses.width(cp);
    boolean prefix = (k & NEWLINE_LETTER_NUMBER) == 0;
    if (prefix || (k & (UPPER_SIDE | LOWER_SIDE)) != 0) {
      int end = prefix ? upperThenLower(s, next, n) : -1;
      if (end < 0) {
        end = upperThenLower(s, i, n);
      }
      if (end < 0 && prefix) {
        end = upperRequired(s, next, n);
      }
      if (end < 0) {
        end = upperRequired(s, i, n);
      }
      if (end >= 0) {
        return end;
      }
    }
    if ((k & NUMBER) != 0) {
      return Digits.upToThree(s, next, n);
    }
    int punctuationEnd = -1;
    if ((k & SPACE_LETTER_NUMBER) == 0) {
      punctuationEnd = CharClasses.runOfNone(s, next, n, SPACE_LETTER_NUMBER);
    } else if (cp == ' ' && next < n
        && (CharClasses.of(CharClasses.codePointAt(s, next)) & SPACE_LETTER_NUMBER) == 0) {
      punctuationEnd = CharClasses.runOfNone(s, next, n, SPACE_LETTER_NUMBER);
    }
    if (punctuationEnd >= 0) {
      while (punctuationEnd < n) {
        byte c = s[punctuationEnd];
        if (c != '\r' && c != '\n' && c != '/') {
          break;
        }
        punctuationEnd++;
      }
      return punctuationEnd;
    }
    return WhitespaceRuns.newlineFirst(s, i, n);
  }

  /** {@code U*L+C?} from {@code from}: the end of the match, or -1. */
  private static int upperThenLower(byte[] s, int from, int n) {
    int upperEnd = CharClasses.runOf(s, from, n, UPPER_SIDE);
    int lowerStart;
    if (upperEnd < n && (CharClasses.of(CharClasses.codePointAt(s, upperEnd)) & LOWER_SIDE) != 0) {
      lowerStart = upperEnd;
    } else {
      // U* gives back code points until L+ can start on one of them.
      lowerStart = -1;
      for (int j = upperEnd; j > from; ) {
        j = CharClasses.previousStart(s, j);
        if ((CharClasses.of(CharClasses.codePointAt(s, j)) & LOWER_SIDE) != 0) {
          lowerStart = j;
          break;
        }
      }
      if (lowerStart < 0) {
        return -1;
      }
    }
    int end = CharClasses.runOf(s, lowerStart, n, LOWER_SIDE);
    return contraction(s, end, n);
  }

  /** {@code U+L*C?} from {@code from}: the end of the match, or -1. */
  private static int upperRequired(byte[] s, int from, int n) {
    int upperEnd = CharClasses.runOf(s, from, n, UPPER_SIDE);
    if (upperEnd == from) {
      return -1;
    }
    int end = CharClasses.runOf(s, upperEnd, n, LOWER_SIDE);
    return contraction(s, end, n);
  }

  private static int contraction(byte[] s, int end, int n) {
    if (end < n && s[end] == '\'') {
      int contracted = Contractions.caseInsensitiveEnd(s, end, n);
      if (contracted > 0) {
        return contracted;
      }
    }
    return end;
  }
}
