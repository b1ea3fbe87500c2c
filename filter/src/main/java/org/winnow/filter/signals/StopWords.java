package org.winnow.filter.signals;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.ar.ArabicAnalyzer;
import org.apache.lucene.analysis.bg.BulgarianAnalyzer;
import org.apache.lucene.analysis.bn.BengaliAnalyzer;
import org.apache.lucene.analysis.ca.CatalanAnalyzer;
import org.apache.lucene.analysis.ckb.SoraniAnalyzer;
import org.apache.lucene.analysis.cz.CzechAnalyzer;
import org.apache.lucene.analysis.da.DanishAnalyzer;
import org.apache.lucene.analysis.de.GermanAnalyzer;
import org.apache.lucene.analysis.el.GreekAnalyzer;
import org.apache.lucene.analysis.es.SpanishAnalyzer;
import org.apache.lucene.analysis.et.EstonianAnalyzer;
import org.apache.lucene.analysis.eu.BasqueAnalyzer;
import org.apache.lucene.analysis.fa.PersianAnalyzer;
import org.apache.lucene.analysis.fi.FinnishAnalyzer;
import org.apache.lucene.analysis.fr.FrenchAnalyzer;
import org.apache.lucene.analysis.ga.IrishAnalyzer;
import org.apache.lucene.analysis.gl.GalicianAnalyzer;
import org.apache.lucene.analysis.hi.HindiAnalyzer;
import org.apache.lucene.analysis.hu.HungarianAnalyzer;
import org.apache.lucene.analysis.hy.ArmenianAnalyzer;
import org.apache.lucene.analysis.id.IndonesianAnalyzer;
import org.apache.lucene.analysis.it.ItalianAnalyzer;
import org.apache.lucene.analysis.lt.LithuanianAnalyzer;
import org.apache.lucene.analysis.lv.LatvianAnalyzer;
import org.apache.lucene.analysis.ne.NepaliAnalyzer;
import org.apache.lucene.analysis.nl.DutchAnalyzer;
import org.apache.lucene.analysis.no.NorwegianAnalyzer;
import org.apache.lucene.analysis.pt.PortugueseAnalyzer;
import org.apache.lucene.analysis.ro.RomanianAnalyzer;
import org.apache.lucene.analysis.ru.RussianAnalyzer;
import org.apache.lucene.analysis.sr.SerbianAnalyzer;
import org.apache.lucene.analysis.sv.SwedishAnalyzer;
import org.apache.lucene.analysis.ta.TamilAnalyzer;
import org.apache.lucene.analysis.te.TeluguAnalyzer;
import org.apache.lucene.analysis.tr.TurkishAnalyzer;

/**
 * Stop-word lists per language (ISO 639-1 codes, as ingest writes {@code lang}), matched
 * case-insensitively against UAX#29 words.
 *
 * <ul>
 *   <li>English: Gopher's eight words ("the", "be", "to", "of", "and", "that", "have", "with"),
 *       so the Gopher stop-word rule keeps its published meaning.
 *   <li>Thirty-odd languages: the default list of the language's Lucene analyzer.
 *   <li>Chinese, Japanese, Korean: short lists of function words written here, because
 *       Lucene's analysis-common has none for them (its CJK analyzer's list is English). UAX#29
 *       yields one word per ideograph and per hiragana character, so the Chinese and Japanese
 *       entries are single characters.
 *   <li>Thai, Lao, Khmer, Myanmar and every other language: no list. UAX#29 does not split
 *       those scripts into words, so a list could not match; the stop-word signals are null and
 *       rules over them do not apply.
 * </ul>
 */
public final class StopWords {
  /** The stop words of the Gopher rules (Rae et al. 2021, appendix A.1.1). */
  public static final List<String> GOPHER_ENGLISH =
      List.of("the", "be", "to", "of", "and", "that", "have", "with");

  private static final List<String> CHINESE = List.of(
      "的", "了", "是", "在", "和", "有", "我", "他", "她", "它", "这", "這", "那", "也", "不",
      "就", "都", "而", "及", "与", "與", "着", "著", "或", "个", "個", "们", "們", "你", "之",
      "其", "于", "於", "以", "为", "為", "对", "對", "从", "從", "被", "把", "但", "并", "並");

  private static final List<String> JAPANESE = List.of(
      "の", "に", "は", "を", "た", "が", "で", "て", "と", "し", "れ", "さ", "も", "な", "か",
      "や", "へ", "より", "です", "ます");

  private static final List<String> KOREAN = List.of(
      "그리고", "그러나", "하지만", "또한", "및", "등", "수", "것", "그", "이", "저", "더", "또",
      "잘", "있다", "있는", "없는", "하는", "한다", "된다", "있습니다", "합니다", "위해", "통해",
      "대한", "같은", "때", "중", "그는", "그녀는");

  private static final Map<String, Supplier<CharArraySet>> SOURCES = Map.ofEntries(
      Map.entry("en", () -> new CharArraySet(GOPHER_ENGLISH, true)),
      Map.entry("zh", () -> new CharArraySet(CHINESE, true)),
      Map.entry("ja", () -> new CharArraySet(JAPANESE, true)),
      Map.entry("ko", () -> new CharArraySet(KOREAN, true)),
      Map.entry("ar", ArabicAnalyzer::getDefaultStopSet),
      Map.entry("bg", BulgarianAnalyzer::getDefaultStopSet),
      Map.entry("bn", BengaliAnalyzer::getDefaultStopSet),
      Map.entry("ca", CatalanAnalyzer::getDefaultStopSet),
      Map.entry("ckb", SoraniAnalyzer::getDefaultStopSet),
      Map.entry("cs", CzechAnalyzer::getDefaultStopSet),
      Map.entry("da", DanishAnalyzer::getDefaultStopSet),
      Map.entry("de", GermanAnalyzer::getDefaultStopSet),
      Map.entry("el", GreekAnalyzer::getDefaultStopSet),
      Map.entry("es", SpanishAnalyzer::getDefaultStopSet),
      Map.entry("et", EstonianAnalyzer::getDefaultStopSet),
      Map.entry("eu", BasqueAnalyzer::getDefaultStopSet),
      Map.entry("fa", PersianAnalyzer::getDefaultStopSet),
      Map.entry("fi", FinnishAnalyzer::getDefaultStopSet),
      Map.entry("fr", FrenchAnalyzer::getDefaultStopSet),
      Map.entry("ga", IrishAnalyzer::getDefaultStopSet),
      Map.entry("gl", GalicianAnalyzer::getDefaultStopSet),
      Map.entry("hi", HindiAnalyzer::getDefaultStopSet),
      Map.entry("hu", HungarianAnalyzer::getDefaultStopSet),
      Map.entry("hy", ArmenianAnalyzer::getDefaultStopSet),
      Map.entry("id", IndonesianAnalyzer::getDefaultStopSet),
      Map.entry("it", ItalianAnalyzer::getDefaultStopSet),
      Map.entry("lt", LithuanianAnalyzer::getDefaultStopSet),
      Map.entry("lv", LatvianAnalyzer::getDefaultStopSet),
      Map.entry("ne", NepaliAnalyzer::getDefaultStopSet),
      Map.entry("nl", DutchAnalyzer::getDefaultStopSet),
      Map.entry("no", NorwegianAnalyzer::getDefaultStopSet),
      Map.entry("nb", NorwegianAnalyzer::getDefaultStopSet),
      Map.entry("nn", NorwegianAnalyzer::getDefaultStopSet),
      Map.entry("pt", PortugueseAnalyzer::getDefaultStopSet),
      Map.entry("ro", RomanianAnalyzer::getDefaultStopSet),
      Map.entry("ru", RussianAnalyzer::getDefaultStopSet),
      Map.entry("sr", SerbianAnalyzer::getDefaultStopSet),
      Map.entry("sv", SwedishAnalyzer::getDefaultStopSet),
      Map.entry("ta", TamilAnalyzer::getDefaultStopSet),
      Map.entry("te", TeluguAnalyzer::getDefaultStopSet),
      Map.entry("tr", TurkishAnalyzer::getDefaultStopSet));

  private static final Map<String, CharArraySet> LOADED = new ConcurrentHashMap<>();
  private static final Map<String, HashSet64> FOLDED = new ConcurrentHashMap<>();

  private StopWords() {}

  /** The languages that have a list. */
  public static Set<String> languages() {
    return SOURCES.keySet();
  }

  /**
   * The case-insensitive, read-only stop-word set of {@code lang} ("de", "pt-BR" and "PT" all
   * find Portuguese), or empty when the language has none.
   */
  public static Optional<CharArraySet> forLanguage(String lang) {
    String key = normalize(lang);
    Supplier<CharArraySet> source = SOURCES.get(key);
    if (source == null) {
      return Optional.empty();
    }
    return Optional.of(LOADED.computeIfAbsent(
        key, k -> CharArraySet.unmodifiableSet(new CharArraySet(source.get(), true))));
  }

  /**
   * The {@link TextHash#foldHash} of each stop word of {@code lang}: membership of a word is
   * then one lookup of the hash the profiler computes anyway, with the same case-insensitivity
   * as the {@link CharArraySet} (per-code-point lower case). A 64-bit collision with a stop
   * word is the only way a word is misjudged.
   */
  public static Optional<HashSet64> foldHashes(String lang) {
    String key = normalize(lang);
    if (!SOURCES.containsKey(key)) {
      return Optional.empty();
    }
    return Optional.of(FOLDED.computeIfAbsent(key, k -> {
      List<Long> hashes = new ArrayList<>();
      for (Object word : forLanguage(k).orElseThrow()) {
        char[] w = (char[]) word;
        hashes.add(TextHash.foldHash(w, w.length));
      }
      return new HashSet64(hashes);
    }));
  }

  /** The primary language subtag, lower case: "pt-BR" becomes "pt". */
  public static String normalize(String lang) {
    int cut = 0;
    while (cut < lang.length() && lang.charAt(cut) != '-' && lang.charAt(cut) != '_') {
      cut++;
    }
    return lang.substring(0, cut).toLowerCase(Locale.ROOT);
  }
}
