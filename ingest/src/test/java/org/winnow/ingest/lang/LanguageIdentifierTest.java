package org.winnow.ingest.lang;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.pemistahl.lingua.api.Language;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.winnow.core.Document;

@Timeout(60)
class LanguageIdentifierTest {
  private static final String EN =
      "The river runs quietly past the old mill where the children used to play.";
  private static final String DE =
      "Der Fluss fließt still an der alten Mühle vorbei, wo die Kinder früher spielten.";
  private static final String FR =
      "La rivière coule tranquillement devant le vieux moulin où jouaient les enfants.";

  private final LanguageIdentifier small = new LanguageIdentifier(List.of("en", "DE", "fr"), 2000);

  @Test
  void identifiesAmongTheConfiguredLanguages() {
    assertEquals("en", small.identify(EN).code());
    assertEquals("de", small.identify(DE).code());
    assertEquals("fr", small.identify(FR).code());
    LanguageGuess g = small.identify(EN);
    assertTrue(g.score() > 0 && g.score() <= 1, "score " + g.score());
  }

  @Test
  void nothingToIdentifyIsUndetermined() {
    for (String text : List.of("", "   ", "12345 !!! ---", "😀😀😀")) {
      LanguageGuess g = small.identify(text);
      assertEquals(Document.UNDETERMINED_LANG, g.code(), text);
      assertEquals(0.0, g.score());
    }
  }

  @Test
  void onlyThePrefixIsRead() {
    LanguageIdentifier prefix = new LanguageIdentifier(List.of("en", "de", "fr"), EN.length());
    assertEquals("en", prefix.identify(EN + " " + DE.repeat(20)).code());
    LanguageIdentifier cutInPair = new LanguageIdentifier(List.of("en", "de"), 2);
    assertEquals(Document.UNDETERMINED_LANG, cutInPair.identify("a😀" + EN).code(),
        "a surrogate pair is not split");
  }

  @Test
  void everyLanguageWhenNoneAreConfigured() {
    LanguageIdentifier all = new LanguageIdentifier(List.of(), 2000);
    assertEquals("zh", all.identify("我国卫生与健康领域有了基本法，这部法律将于明年六月一日起施行。").code());
    assertEquals("ru", all.identify("Все счастливые семьи похожи друг на друга, каждая"
        + " несчастливая семья несчастлива по-своему.").code());
    assertEquals("de", all.identify(DE).code());
    assertEquals(Language.all().size(), LanguageIdentifier.knownCodes().size());
  }

  @Test
  void badCodesAreRejectedByName() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new LanguageIdentifier(List.of("en", "xx", "klingon"), 100));
    assertTrue(e.getMessage().contains("[xx, klingon]"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> new LanguageIdentifier(List.of("en"), 100));
    assertTrue(e.getMessage().contains("at least two"), e.getMessage());
    assertThrows(IllegalArgumentException.class,
        () -> new LanguageIdentifier(List.of("en", "de"), 0));
  }

  @Test
  void oneDetectorPerLanguageSet() {
    assertSame(
        LinguaDetectors.forLanguages(Set.of(Language.GERMAN, Language.ENGLISH)),
        LinguaDetectors.forLanguages(Set.of(Language.ENGLISH, Language.GERMAN)));
  }

  @Test
  void sharedDetectorGivesTheSameAnswersOnManyThreads() throws Exception {
    List<String> texts = new ArrayList<>();
    for (int i = 0; i < 60; i++) {
      texts.add(List.of(EN, DE, FR).get(i % 3).substring(i % 7));
    }
    List<LanguageGuess> sequential = new ArrayList<>();
    for (String t : texts) {
      sequential.add(small.identify(t));
    }
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<LanguageGuess>> futures = new ArrayList<>();
      for (String t : texts) {
        futures.add(pool.submit(() -> new LanguageIdentifier(List.of("fr", "en", "de"), 2000)
            .identify(t)));
      }
      for (int i = 0; i < texts.size(); i++) {
        assertEquals(sequential.get(i), futures.get(i).get(), texts.get(i));
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
