package org.winnow.filter.signals;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Optional;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.winnow.core.text.WordSegmenter;

/**
 * Builds a {@link TextProfile}: one scan over the characters (lines, their hashes and flags,
 * symbol counts, sentence ends, letters per script) and one run of the UAX#29 segmenter (words,
 * their hashes and flags, words per line). Words are exactly core's {@link WordSegmenter} words
 * (the same Lucene tokenizer and maximum word length); the tokenizer is driven here directly
 * because the signals need each word's offset, to know its line.
 *
 * <p>Not thread-safe: one per thread. It reuses its buffers, so the profile it returns is valid
 * until the next call.
 */
public final class TextProfiler {
  private static final boolean[] ASCII_ALNUM = new boolean[128];
  static final int LATIN = Scripts.slot('a');

  static {
    for (char c = '0'; c <= '9'; c++) {
      ASCII_ALNUM[c] = true;
    }
    for (char c = 'a'; c <= 'z'; c++) {
      ASCII_ALNUM[c] = true;
      ASCII_ALNUM[c - 32] = true;
    }
  }

  private final TextProfile profile = new TextProfile();
  private final PhraseMatcher phrases = new PhraseMatcher();
  private final StandardTokenizer tokenizer = new StandardTokenizer();
  private final CharTermAttribute term = tokenizer.addAttribute(CharTermAttribute.class);
  private final OffsetAttribute offset = tokenizer.addAttribute(OffsetAttribute.class);
  private final BufferReader reader = new BufferReader();
  private final AsciiWords asciiWords = new AsciiWords();
  private static final byte ASCII = 1;
  private static final byte OTHER = 2;
  /** Fewer ASCII chunks than this between others are left to Lucene with their neighbours. */
  private static final int MIN_ASCII_RUN = 8;
  private final KeptLines keptLines = new KeptLines();
  private int[] chunkStart = new int[256];
  private int[] chunkEnd = new int[256];
  private byte[] chunkKind = new byte[256];
  private int wordLine;
  private char[] buf = new char[1024];

  // Per-line scan state.
  private int lineStart;
  private int lineChars;
  private long lineHash;
  private int firstNonSpace;
  private int lastNonSpace;
  private int run;
  private int longestRun;
  private int lineFlags;
  private int sentences;
  private boolean content;
  private boolean inFinalRun;
  private boolean finalRunNoSpace;

  public TextProfiler() {
    tokenizer.setMaxTokenLength(WordSegmenter.MAX_WORD_LENGTH);
  }

  /** Profiles {@code text} written in {@code lang} (an ISO 639-1 code, or "und"). */
  public TextProfile profile(String text, String lang) {
    Optional<HashSet64> stop = StopWords.foldHashes(lang);
    profile.reset(text, StopWords.normalize(lang), stop.isPresent());
    int n = text.length();
    if (buf.length < n) {
      buf = new char[Math.max(n, buf.length * 2)];
    }
    text.getChars(0, n, buf, 0);
    profile.chars = buf;
    scanCharacters(n);
    wordLine = 0;
    scanWords(n, stop.orElse(null));
    return profile;
  }

  /**
   * The profile of {@code cleaned}, derived from the profile of the text last profiled instead
   * of scanning again, when {@code cleaned} is made of whole lines of that text, in order and
   * unchanged, joined by "\n" (or "\n\n" where a paragraph break stays), as line cleaning
   * makes it. Per-line facts carry over because lines and words never span a line break; the
   * letters per script are recounted. Returns empty when {@code cleaned} is not such a text (a
   * line was edited), and the profile is then left as it was. The compaction duel test checks
   * that the result equals {@link #profile} of the cleaned text.
   */
  public Optional<TextProfile> profileKeptLines(String cleaned) {
    return keptLines.derive(profile, buf, cleaned) ? Optional.of(profile) : Optional.empty();
  }

  private void stripBounds(int n) {
    stripBounds(profile, buf, n);
  }

  /** Where the text stripped of leading and trailing whitespace (Python's strip()) lies. */
  static void stripBounds(TextProfile profile, char[] b, int n) {
    int s = 0;
    while (s < n && Punctuation.isSpace(b[s])) {
      s++;
    }
    int e = n;
    while (e > s && Punctuation.isSpace(b[e - 1])) {
      e--;
    }
    profile.stripStart = s;
    profile.stripEnd = e;
  }

  private void scanCharacters(int n) {
    TextProfile p = profile;
    char[] b = buf;
    p.startsWithBreak = n > 0 && Punctuation.isLineBreak(b[0]);
    p.endsWithBreak = n > 0 && Punctuation.isLineBreak(b[n - 1]);
    stripBounds(n);

    int chars = 0;
    int newlines = 0;
    int dots = 0;
    beginLine(0);
    int i = 0;
    while (i < n) {
      char c = b[i];
      if (Punctuation.isLineBreak(c)) {
        int width = c == '\r' && i + 1 < n && b[i + 1] == '\n' ? 2 : 1;
        endLine(i);
        newlines += (c == '\n' ? 1 : 0) + (width == 2 ? 1 : 0);
        chars += width;
        i += width;
        dots = 0;
        beginLine(i);
        continue;
      }
      if (c < 128 && (ASCII_ALNUM[c] || c == ' ')) {
        // The common case, kept short: what the general path below does for these characters.
        lineHash = TextHash.step(lineHash, c);
        chars++;
        lineChars++;
        dots = 0;
        phrases.accept(c);
        if (c == ' ') {
          run = 0;
          if (inFinalRun) {
            sentences++;
            content = false;
            inFinalRun = false;
            finalRunNoSpace = false;
          }
        } else {
          if (++run > longestRun) {
            longestRun = run;
          }
          if (firstNonSpace < 0) {
            firstNonSpace = i;
          }
          lastNonSpace = i;
          if (inFinalRun) {
            if (finalRunNoSpace) {
              sentences++;
            }
            inFinalRun = false;
            finalRunNoSpace = false;
          }
          content = true;
          if (c >= 'A') {
            p.scriptCounts[LATIN]++;
          }
        }
        i++;
        continue;
      }
      int cp = c;
      int width = 1;
      if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(b[i + 1])) {
        cp = Character.toCodePoint(c, b[i + 1]);
        width = 2;
        lineHash = TextHash.step(TextHash.step(lineHash, c), b[i + 1]);
      } else {
        lineHash = TextHash.step(lineHash, c);
      }
      chars++;
      lineChars++;
      // One Unicode table lookup per non-ASCII character answers every question below.
      boolean space;
      boolean letter;
      boolean letterOrDigit;
      if (cp < 128) {
        space = Punctuation.isSpace(cp);
        letter = isAsciiLetter(cp);
        letterOrDigit = letter || (cp >= '0' && cp <= '9');
      } else {
        int type = Character.getType(cp);
        space = cp < 0x1680 ? cp == 0x85 || cp == 0xA0
            : type == Character.SPACE_SEPARATOR || type == Character.LINE_SEPARATOR
                || type == Character.PARAGRAPH_SEPARATOR;
        letter = type >= Character.UPPERCASE_LETTER && type <= Character.OTHER_LETTER;
        letterOrDigit = letter || type == Character.DECIMAL_DIGIT_NUMBER;
      }
      if (space) {
        run = 0;
      } else {
        if (++run > longestRun) {
          longestRun = run;
        }
        if (firstNonSpace < 0) {
          firstNonSpace = i;
        }
        lastNonSpace = i;
      }
      if (cp == '.') {
        // Python's str.count("...") counts non-overlapping runs from the left.
        if (++dots == 3) {
          p.ellipsisCount++;
          dots = 0;
        }
      } else {
        dots = 0;
        switch (cp) {
          case '#' -> p.hashCount++;
          case 0x2026 -> p.ellipsisCount++;
          case '{' -> {
            p.openCurlyCount++;
            lineFlags |= TextProfile.CURLY;
          }
          case '}' -> p.closeCurlyCount++;
          case '[' -> lineFlags |= TextProfile.BRACKET;
          default -> { }
        }
      }
      phrases.accept(cp);
      sentenceStep(cp, space, letterOrDigit);
      if (letter) {
        p.scriptCounts[Scripts.slot(cp)]++;
      }
      i += width;
    }
    // A final break does not start another line (str.splitlines()).
    if (lineStart < n) {
      endLine(n);
    }
    p.charCount = chars;
    p.newlineCount = newlines;
  }

  static boolean isAsciiLetter(int cp) {
    return (cp | 0x20) >= 'a' && (cp | 0x20) <= 'z';
  }

  private void beginLine(int start) {
    lineStart = start;
    lineChars = 0;
    lineHash = TextHash.SEED;
    firstNonSpace = -1;
    lastNonSpace = -1;

    run = 0;
    longestRun = 0;
    lineFlags = 0;
    sentences = 0;
    content = false;
    inFinalRun = false;
    finalRunNoSpace = false;
    phrases.reset();
  }

  /**
   * Sentence ends: a run of sentence-final punctuation after some letter or digit, optionally
   * followed by closing quotes, then a space or the line end (or nothing, after a CJK full
   * stop). "3.14" and "e.g.x" are not sentence ends; "Mr. Smith" is (there is no abbreviation
   * list).
   */
  private void sentenceStep(int cp, boolean space, boolean letterOrDigit) {
    if (Punctuation.isSentenceFinal(cp) && (content || inFinalRun)) {
      inFinalRun = true;
      finalRunNoSpace |= Punctuation.endsSentenceWithoutSpace(cp);
      return;
    }
    if (inFinalRun) {
      if (Punctuation.isCloser(cp)) {
        return;
      }
      if (finalRunNoSpace || space) {
        sentences++;
        content = false;
      }
      inFinalRun = false;
      finalRunNoSpace = false;
    }
    if (letterOrDigit) {
      content = true;
    }
  }

  private void endLine(int end) {
    TextProfile p = profile;
    int li = p.lineCount;
    p.ensureLines(li + 1);
    char[] b = buf;
    int flags = lineFlags;
    if (firstNonSpace < 0) {
      flags |= TextProfile.BLANK;
    } else {
      char first = b[firstNonSpace];
      if (first == '•' || first == '-') {
        flags |= TextProfile.BULLET;
      }
      int last = lastNonSpace;
      boolean dotEllipsis = b[last] == '.' && last - 2 >= lineStart
          && b[last - 1] == '.' && b[last - 2] == '.';
      if (dotEllipsis || b[last] == 0x2026) {
        flags |= TextProfile.ELLIPSIS_END;
      }
      if (!dotEllipsis && Punctuation.isLineFinal(codePointEndingAt(b, lineStart, last + 1))) {
        flags |= TextProfile.TERMINAL_STRIPPED;
      }
      if (end > lineStart && Punctuation.isLineFinal(codePointEndingAt(b, lineStart, end))) {
        flags |= TextProfile.TERMINAL_RAW;
      }
    }
    int m = phrases.matches();
    if ((m & PhraseMatcher.JAVASCRIPT) != 0) {
      flags |= TextProfile.JAVASCRIPT;
    }
    if ((m & PhraseMatcher.LOREM_IPSUM) != 0) {
      flags |= TextProfile.LOREM_IPSUM;
    }
    if ((m & PhraseMatcher.POLICY) != 0) {
      flags |= TextProfile.POLICY;
    }
    if (inFinalRun || content) {
      sentences++;
    }
    p.lineStart[li] = lineStart;
    p.lineEnd[li] = end;
    p.lineChars[li] = lineChars;
    p.lineHash[li] = TextHash.finish(lineHash);
    p.lineFlags[li] = flags;
    p.lineWords[li] = 0;
    p.lineSentences[li] = sentences;
    p.lineLongestRun[li] = longestRun;
    p.lineCount = li + 1;
  }

  private static int codePointEndingAt(char[] b, int floor, int end) {
    char c = b[end - 1];
    if (Character.isLowSurrogate(c) && end - 2 >= floor && Character.isHighSurrogate(b[end - 2])) {
      return Character.toCodePoint(b[end - 2], c);
    }
    return c;
  }

  /**
   * Runs of ASCII text go to a hand-written UAX#29 scanner ({@link AsciiWords}), the rest to
   * Lucene's tokenizer. A word never spans ASCII whitespace (UAX#29 breaks on both sides of it),
   * so splitting the text there gives the same words as one run of the tokenizer over all of it,
   * which the word duel test checks on random text.
   */
  private void scanWords(int n, HashSet64 stop) {
    int chunks = findChunks(n);
    int c = 0;
    int spanStart = 0;
    boolean inLucene = false;
    while (c < chunks) {
      // A run of ASCII chunks goes to the ASCII scanner if it is long enough to repay
      // interrupting Lucene, or if it is all there is; short runs ride along with Lucene.
      int run = c;
      while (run < chunks && chunkKind[run] == ASCII) {
        run++;
      }
      boolean fast = run - c >= MIN_ASCII_RUN || (c == 0 && run == chunks);
      if (run > c && fast) {
        if (inLucene) {
          luceneWords(spanStart, chunkStart[c], stop);
          inLucene = false;
        }
        asciiWords.scan(buf, chunkStart[c], chunkEnd[run - 1], this, stop);
        c = run;
        continue;
      }
      if (!inLucene) {
        spanStart = chunkStart[c];
        inLucene = true;
      }
      c = Math.max(run, c + 1);
    }
    if (inLucene) {
      luceneWords(spanStart, chunkEnd[chunks - 1], stop);
    }
  }

  /**
   * Splits {@code buf[0, n)} at ASCII whitespace into chunks, each marked {@link #ASCII} or not;
   * a chunk of {@code MAX_WORD_LENGTH} characters or more counts as not ASCII, because Lucene
   * splits a word that long in its own way.
   */
  private int findChunks(int n) {
    char[] b = buf;
    int count = 0;
    int i = 0;
    while (i < n) {
      while (i < n && isAsciiSpace(b[i])) {
        i++;
      }
      if (i == n) {
        break;
      }
      int start = i;
      boolean ascii = true;
      while (i < n && !isAsciiSpace(b[i])) {
        ascii &= b[i] < 128;
        i++;
      }
      if (count == chunkStart.length) {
        chunkStart = Arrays.copyOf(chunkStart, count * 2);
        chunkEnd = Arrays.copyOf(chunkEnd, count * 2);
        chunkKind = Arrays.copyOf(chunkKind, count * 2);
      }
      chunkStart[count] = start;
      chunkEnd[count] = i;
      chunkKind[count] = ascii && i - start < WordSegmenter.MAX_WORD_LENGTH ? ASCII : OTHER;
      count++;
    }
    return count;
  }

  private static boolean isAsciiSpace(char c) {
    return c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == 0x0B || c == 0x0C;
  }

  private void luceneWords(int from, int to, HashSet64 stop) {
    TextProfile p = profile;
    reader.reset(buf, from, from + wordInputLength(buf, from, to));
    try {
      tokenizer.setReader(reader);
      tokenizer.reset();
      while (tokenizer.incrementToken()) {
        addWord(term.buffer(), 0, term.length(), from + offset.startOffset(), stop);
      }
      tokenizer.end();
    } catch (IOException e) {
      // The reader is an in-memory buffer; an I/O error here is a bug in the analysis chain.
      throw new UncheckedIOException("word segmentation failed", e);
    } finally {
      try {
        tokenizer.close();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  /**
   * The length of input to segment: Lucene's tokenizer returns no words at all for an input
   * whose last char is an unpaired high surrogate (it waits for the low half that never comes),
   * so that char, which is no word anyway, is left out.
   */
  static int wordInputLength(char[] b, int from, int to) {
    return to > from && Character.isHighSurrogate(b[to - 1]) ? to - from - 1 : to - from;
  }

  /** Records the word {@code t[off, off + len)}, which starts at {@code start} in the text. */
  void addWord(char[] t, int off, int len, int start, HashSet64 stop) {
    TextProfile p = profile;
    while (wordLine + 1 < p.lineCount && start >= p.lineStart[wordLine + 1]) {
      wordLine++;
    }
    if (p.lineCount > 0) {
      p.lineWords[wordLine]++;
    }
    int wi = p.wordCount;
    p.ensureWords(wi + 1);
    long h = TextHash.SEED;
    long f = TextHash.SEED;
    int cps = 0;
    boolean alpha = false;
    boolean cased = false;
    boolean notUpper = false;
    int stopAt = off + len;
    for (int k = off; k < stopAt; k++) {
      char c = t[k];
      cps++;
      if (c < 128) {
        h = TextHash.step(h, c);
        if (c >= 'A' && c <= 'Z') {
          alpha = true;
          cased = true;
          f = TextHash.step(f, (char) (c | 0x20));
        } else {
          if (c >= 'a' && c <= 'z') {
            alpha = true;
            cased = true;
            notUpper = true;
          }
          f = TextHash.step(f, c);
        }
        continue;
      }
      int cp = c;
      h = TextHash.step(h, c);
      if (Character.isHighSurrogate(c) && k + 1 < stopAt && Character.isLowSurrogate(t[k + 1])) {
        cp = Character.toCodePoint(c, t[++k]);
        h = TextHash.step(h, t[k]);
      }
      if (Character.getType(cp) == Character.OTHER_LETTER && cp > 0xFF) {
        // Ideographs, kana, Arabic, Indic letters...: uncased, their own lower case
        // (checked over all of Unicode by TextProfilerTest).
        alpha = true;
        f = TextHash.stepCodePoint(f, cp);
        continue;
      }
      if (Character.isLetter(cp)) {
        alpha = true;
      }
      // Python's str.isupper(): some cased character, and none lower or title case.
      if (Character.isUpperCase(cp)) {
        cased = true;
      } else if (Character.isLowerCase(cp) || Character.isTitleCase(cp)) {
        cased = true;
        notUpper = true;
      }
      f = TextHash.stepCodePoint(f, Character.toLowerCase(cp));
    }
    int flags = 0;
    if (alpha) {
      flags |= TextProfile.ALPHA;
    }
    if (cased && !notUpper) {
      flags |= TextProfile.ALL_CAPS;
    }
    long fold = TextHash.finish(f);
    if (stop != null && stop.contains(fold)) {
      flags |= TextProfile.STOP;
    }
    p.wordLength[wi] = cps;
    p.wordHash[wi] = TextHash.finish(h);
    p.wordFoldHash[wi] = fold;
    p.wordFlags[wi] = (byte) flags;
    p.wordCount = wi + 1;
  }

  /** A reader over the profiler's own buffer, so that no copy of the text is made. */
  private static final class BufferReader extends Reader {
    private char[] data;
    private int length;
    private int pos;

    void reset(char[] newData, int from, int to) {
      data = newData;
      length = to;
      pos = from;
    }

    @Override
    public int read(char[] cbuf, int off, int len) {
      if (pos >= length) {
        return -1;
      }
      int n = Math.min(len, length - pos);
      System.arraycopy(data, pos, cbuf, off, n);
      pos += n;
      return n;
    }

    @Override
    public void close() {
      // The buffer belongs to the profiler; nothing to release.
    }
  }
}
