package org.winnow.ingest.html;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Trafilatura's evaluation metric ({@code tests/eval_common.py}): per snippet, after collapsing
 * white space as Python's {@code re.sub(r"\s+", " ", s).strip()} does, a "with" snippet found in
 * the text is a true positive and a missing one a false negative, a "without" snippet found is a
 * false positive and a missing one a true negative. A page whose extraction failed counts every
 * "with" as missed and every "without" as absent. Scores come from the counts summed over pages.
 */
public final class SnippetScore {
  private int tp;
  private int fp;
  private int fn;
  private int tn;
  private final List<String> misses = new ArrayList<>();

  /** Scores one page; {@code text} is null when the extractor failed on it. */
  public void add(DevPages.Page page, String text) {
    String normalized = text == null ? null : normalize(text);
    for (String with : page.with()) {
      if (normalized != null && normalized.contains(normalize(with))) {
        tp++;
      } else {
        fn++;
        misses.add(page.file() + " missing: " + with);
      }
    }
    for (String without : page.without()) {
      if (normalized != null && normalized.contains(normalize(without))) {
        fp++;
        misses.add(page.file() + " kept: " + without);
      } else {
        tn++;
      }
    }
  }

  /** Each missed "with" snippet and each kept "without" one, with its page's file. */
  public List<String> misses() {
    return misses;
  }

  public double precision() {
    return tp + fp == 0 ? 0 : tp / (double) (tp + fp);
  }

  public double recall() {
    return tp + fn == 0 ? 0 : tp / (double) (tp + fn);
  }

  public double f() {
    int denominator = 2 * tp + fp + fn;
    return denominator == 0 ? 0 : 2.0 * tp / denominator;
  }

  @Override
  public String toString() {
    return String.format(Locale.ROOT, "P %.3f  R %.3f  F %.3f  (tp %d, fp %d, fn %d, tn %d)",
        precision(), recall(), f(), tp, fp, fn, tn);
  }

  /** Python's {@code re.sub(r"\s+", " ", text).strip()}, as trafilatura's scorer applies it. */
  public static String normalize(String text) {
    StringBuilder out = new StringBuilder(text.length());
    boolean pendingSpace = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (isPythonSpace(c)) {
        pendingSpace = out.length() > 0;
      } else {
        if (pendingSpace) {
          out.append(' ');
          pendingSpace = false;
        }
        out.append(c);
      }
    }
    return out.toString();
  }

  /** The characters Python's {@code \s} matches in a str pattern ({@code str.isspace()}). */
  private static boolean isPythonSpace(char c) {
    return (c >= 0x09 && c <= 0x0D) || (c >= 0x1C && c <= 0x20) || c == 0x85 || c == 0xA0
        || c == 0x1680 || (c >= 0x2000 && c <= 0x200A) || c == 0x2028 || c == 0x2029
        || c == 0x202F || c == 0x205F || c == 0x3000;
  }
}
