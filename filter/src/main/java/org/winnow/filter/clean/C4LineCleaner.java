package org.winnow.filter.clean;

import java.util.LinkedHashMap;
import java.util.Map;
import org.winnow.filter.signals.Punctuation;
import org.winnow.filter.signals.TextProfile;

/**
 * C4's line filter (Raffel et al. 2020; datatrove's {@code C4QualityFilter}): drops lines with
 * a run of more than {@code max_word_length} non-space characters, without terminal punctuation
 * (optional, off in the default rules as in FineWeb), with fewer than {@code min_words} words,
 * or mentioning "javascript" or a cookie/policy phrase; strips Wikipedia citation marks
 * ("[1]", "[edit]", "[citation needed]") from the lines it keeps.
 *
 * <p>Unlike C4, paragraph breaks between kept lines survive (one blank line), because
 * paragraph-level dedup and the repetition signals need them; kept lines are not re-spaced (C4
 * strips them), so a document counts as modified only when a line or a citation goes; and words
 * are UAX#29 words, so CJK lines are not all "one word". The page-level C4 rules ({@code lorem ipsum}, curly
 * brackets, five sentences) are ordinary rules over the cleaned text.
 *
 * <p>Immutable; uses the per-line facts of a {@link TextProfile} of the same text.
 */
public final class C4LineCleaner {
  /** The name the rule file and the ledger's {@code modified} counts use. */
  public static final String NAME = "c4_lines";

  public static final String TOO_LONG_WORD = "too_long_word";
  public static final String NO_TERMINAL_PUNCTUATION = "no_terminal_punctuation";
  public static final String TOO_FEW_WORDS = "too_few_words";
  public static final String JAVASCRIPT = "javascript";
  public static final String POLICY = "policy";

  /** The line rules, in the order C4 applies them; indices are the drop counters'. */
  private static final String[] REASONS = {
    TOO_LONG_WORD, NO_TERMINAL_PUNCTUATION, TOO_FEW_WORDS, JAVASCRIPT, POLICY
  };

  private final int minWords;
  private final int maxWordLength;
  private final boolean removeCitations;
  private final boolean terminalPunctuation;
  private final boolean javascript;
  private final boolean policy;

  /**
   * @param minWords            drop lines with fewer UAX#29 words (0: off; C4: 3)
   * @param maxWordLength       drop lines with a longer non-space run (0: off; C4: 1000)
   * @param removeCitations     strip "[1]", "[]", "[edit]", "[citation needed]"
   * @param terminalPunctuation drop lines not ending in terminal punctuation, or in "..."
   * @param javascript          drop lines containing "javascript"
   * @param policy              drop lines containing a cookie or policy phrase
   */
  public C4LineCleaner(int minWords, int maxWordLength, boolean removeCitations,
      boolean terminalPunctuation, boolean javascript, boolean policy) {
    if (minWords < 0) {
      throw new IllegalArgumentException("min_words must be >= 0, got " + minWords);
    }
    if (maxWordLength < 0) {
      throw new IllegalArgumentException("max_word_length must be >= 0, got " + maxWordLength);
    }
    this.minWords = minWords;
    this.maxWordLength = maxWordLength;
    this.removeCitations = removeCitations;
    this.terminalPunctuation = terminalPunctuation;
    this.javascript = javascript;
    this.policy = policy;
  }

  /** C4's own settings, terminal punctuation included. */
  public static C4LineCleaner c4() {
    return new C4LineCleaner(3, 1000, true, true, true, true);
  }

  /** Cleans {@code profile}'s text; {@code profile} must be a profile of that text. */
  public CleanResult clean(TextProfile profile) {
    String text = profile.text();
    StringBuilder out = new StringBuilder(text.length());
    int[] drops = new int[REASONS.length];
    int dropped = 0;
    boolean citations = false;
    boolean pendingBreak = false;
    for (int i = 0; i < profile.lineCount(); i++) {
      if (profile.lineHas(i, TextProfile.BLANK)) {
        pendingBreak = out.length() > 0;
        continue;
      }
      int reason = dropReason(profile, i);
      String line = null;
      if (reason < 0) {
        line = keptLine(text, profile, i);
        if (terminalPunctuation && !endsInTerminalPunctuation(line)) {
          reason = 1;
        }
      }
      if (reason >= 0) {
        drops[reason]++;
        dropped++;
        continue;
      }
      if (out.length() > 0) {
        out.append(pendingBreak ? "\n\n" : "\n");
      }
      pendingBreak = false;
      citations |= line.length() != profile.lineEnd(i) - profile.lineStart(i);
      out.append(line);
    }
    // Nothing went: the text stays exactly as it was, line breaks and blank lines included.
    if (dropped == 0 && !citations) {
      return CleanResult.unchanged(text);
    }
    String cleaned = out.toString();
    int removed = profile.charCount() - cleaned.codePointCount(0, cleaned.length());
    Map<String, Integer> byRule = new LinkedHashMap<>();
    for (int r = 0; r < REASONS.length; r++) {
      if (drops[r] > 0) {
        byRule.put(REASONS[r], drops[r]);
      }
    }
    return new CleanResult(cleaned, true, dropped, removed, byRule);
  }

  /** The index in {@link #REASONS} of why a line goes, or -1 when it stays. */
  private int dropReason(TextProfile p, int line) {
    if (maxWordLength > 0 && p.lineLongestRun(line) > maxWordLength) {
      return 0;
    }
    if (p.lineWords(line) < minWords) {
      return 2;
    }
    if (javascript && p.lineHas(line, TextProfile.JAVASCRIPT)) {
      return 3;
    }
    if (policy && p.lineHas(line, TextProfile.POLICY)) {
      return 4;
    }
    return -1;
  }

  private String keptLine(String text, TextProfile p, int line) {
    int from = p.lineStart(line);
    int to = p.lineEnd(line);
    if (removeCitations && p.lineHas(line, TextProfile.BRACKET)) {
      return Citations.remove(text, from, to);
    }
    return text.substring(from, to);
  }

  private static boolean endsInTerminalPunctuation(String line) {
    int end = line.length();
    while (end > 0 && Punctuation.isSpace(line.charAt(end - 1))) {
      end--;
    }
    if (end == 0 || line.startsWith("...", end - 3)) {
      return false;
    }
    return Punctuation.isLineFinal(line.codePointBefore(end));
  }
}
