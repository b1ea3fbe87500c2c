package org.winnow.ingest.lang;

import com.github.pemistahl.lingua.api.Language;
import com.github.pemistahl.lingua.api.LanguageDetector;
import com.github.pemistahl.lingua.api.LanguageDetectorBuilder;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One Lingua detector per JVM and language set: its models take seconds to load (about two for
 * all languages in low-accuracy mode), and every Spark task of an executor would otherwise load
 * its own. Models are preloaded when the detector is built, inside the cache's
 * {@code computeIfAbsent}, so that sharing a detector between threads only ever reads them.
 */
final class LinguaDetectors {
  private static final Map<Set<Language>, LanguageDetector> CACHE = new ConcurrentHashMap<>();

  private LinguaDetectors() {}

  /** The shared low-accuracy detector for {@code languages}; empty means every language. */
  static LanguageDetector forLanguages(Set<Language> languages) {
    Set<Language> key =
        languages.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(languages));
    return CACHE.computeIfAbsent(key, LinguaDetectors::build);
  }

  private static LanguageDetector build(Set<Language> languages) {
    LanguageDetectorBuilder builder =
        languages.isEmpty()
            ? LanguageDetectorBuilder.fromAllLanguages()
            : LanguageDetectorBuilder.fromLanguages(languages.toArray(new Language[0]));
    return builder.withLowAccuracyMode().withPreloadedLanguageModels().build();
  }
}
