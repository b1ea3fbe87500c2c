package org.winnow.ingest.lang;

import com.github.pemistahl.lingua.api.IsoCode639_1;
import com.github.pemistahl.lingua.api.Language;
import com.github.pemistahl.lingua.api.LanguageDetector;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeSet;

/**
 * Identifies the language of a document's text with Lingua in low-accuracy mode (high accuracy
 * costs about 1.5 GB of heap per executor), reading only a prefix of the text.
 */
public final class LanguageIdentifier {
  private final LanguageDetector detector;
  private final int maxChars;

  /**
   * @param isoCodes ISO 639-1 codes to choose among, at least two; empty means all Lingua knows
   * @param maxChars how many leading characters of a text are read
   * @throws IllegalArgumentException naming an unknown code, or when only one is given
   */
  public LanguageIdentifier(List<String> isoCodes, int maxChars) {
    if (maxChars <= 0) {
      throw new IllegalArgumentException("maxChars must be > 0, got " + maxChars);
    }
    this.detector = LinguaDetectors.forLanguages(languages(isoCodes));
    this.maxChars = maxChars;
  }

  /** The ISO 639-1 codes Lingua knows, lower case. */
  public static Set<String> knownCodes() {
    Set<String> codes = new TreeSet<>();
    for (Language l : Language.all()) {
      codes.add(l.getIsoCode639_1().toString().toLowerCase(Locale.ROOT));
    }
    return codes;
  }

  public LanguageGuess identify(String text) {
    int end = Math.min(text.length(), maxChars);
    if (end < text.length() && end > 0 && Character.isHighSurrogate(text.charAt(end - 1))) {
      end--;
    }
    SortedMap<Language, Double> confidences =
        detector.computeLanguageConfidenceValues(text.substring(0, end));
    // Sorted by descending confidence: the best language has 1.0, the others less.
    Iterator<Map.Entry<Language, Double>> it = confidences.entrySet().iterator();
    if (!it.hasNext()) {
      return LanguageGuess.UNDETERMINED;
    }
    Language best = it.next().getKey();
    if (best == Language.UNKNOWN) {
      return LanguageGuess.UNDETERMINED;
    }
    double runnerUp = it.hasNext() ? it.next().getValue() : 0;
    double score = Math.max(0, Math.min(1, 1 - runnerUp));
    return new LanguageGuess(best.getIsoCode639_1().toString().toLowerCase(Locale.ROOT), score);
  }

  /**
   * Checks a configured code list: every code known to Lingua, and at least two of them (or
   * none, meaning all).
   *
   * @throws IllegalArgumentException naming the offending codes
   */
  public static void checkCodes(List<String> isoCodes) {
    languages(isoCodes);
  }

  private static Set<Language> languages(List<String> isoCodes) {
    if (isoCodes.isEmpty()) {
      return Set.of();
    }
    Set<Language> set = EnumSet.noneOf(Language.class);
    List<String> unknown = new ArrayList<>();
    for (String code : isoCodes) {
      Language l = byCode(code);
      if (l == null) {
        unknown.add(code);
      } else {
        set.add(l);
      }
    }
    if (!unknown.isEmpty()) {
      throw new IllegalArgumentException(
          "unknown ISO 639-1 language code(s) " + unknown + "; known: " + knownCodes());
    }
    if (set.size() < 2) {
      throw new IllegalArgumentException(
          "languages needs at least two distinct codes (or none for all), got " + isoCodes);
    }
    return set;
  }

  private static Language byCode(String code) {
    IsoCode639_1 iso;
    try {
      iso = IsoCode639_1.valueOf(code.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      return null; // not a code Lingua knows; reported with the others by the caller
    }
    Language l = Language.getByIsoCode639_1(iso);
    return l == Language.UNKNOWN ? null : l;
  }
}
