package org.winnow.filter.signals;

/**
 * UAX#29 word segmentation for ASCII text, as Lucene's StandardTokenizer does it, without the
 * tokenizer's per-word overhead. In ASCII the word-break classes are few: letters (ALetter),
 * digits (Numeric), '_' (ExtendNumLet), ':' (MidLetter), '.' (MidNumLet), '\'' (Single_Quote),
 * ',' and ';' (MidNum); everything else breaks. Rules WB5-WB13b then say: letters, digits and
 * '_' join each other; ':', '.' or '\'' joins two letters; '.', '\'', ',' or ';' joins two
 * digits. Lucene emits a segment when it holds a letter or digit. Words longer than Lucene's
 * maximum are not handled here (the caller sends such text to Lucene).
 */
final class AsciiWords {
  private static final byte LETTER = 1;
  private static final byte DIGIT = 2;
  private static final byte CONNECTOR = 3;
  private static final byte[] CLASS = new byte[128];

  static {
    for (char c = 'a'; c <= 'z'; c++) {
      CLASS[c] = LETTER;
      CLASS[c - 32] = LETTER;
    }
    for (char c = '0'; c <= '9'; c++) {
      CLASS[c] = DIGIT;
    }
    CLASS['_'] = CONNECTOR;
  }

  /** Segments {@code b[from, to)}, all ASCII, reporting each word to {@code profiler}. */
  void scan(char[] b, int from, int to, TextProfiler profiler, HashSet64 stop) {
    int i = from;
    while (i < to) {
      byte cls = CLASS[b[i]];
      if (cls == 0) {
        i++;
        continue;
      }
      int start = i;
      boolean alnum = cls != CONNECTOR;
      byte prev = cls;
      i++;
      while (i < to) {
        char c = b[i];
        byte k = CLASS[c];
        if (k != 0) {
          alnum |= k != CONNECTOR;
          prev = k;
          i++;
          continue;
        }
        if (i + 1 < to) {
          byte next = CLASS[b[i + 1]];
          if (prev == LETTER && next == LETTER && (c == ':' || c == '.' || c == '\'')) {
            i += 2;
            continue;
          }
          if (prev == DIGIT && next == DIGIT
              && (c == '.' || c == '\'' || c == ',' || c == ';')) {
            i += 2;
            continue;
          }
        }
        break;
      }
      if (alnum) {
        profiler.addWord(b, start, i - start, start, stop);
      }
    }
  }
}
