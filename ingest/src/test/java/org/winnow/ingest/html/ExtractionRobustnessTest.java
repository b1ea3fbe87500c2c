package org.winnow.ingest.html;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Hostile input: depth, size, junk and time. Nothing may throw but the time-budget exception. */
class ExtractionRobustnessTest {
  private static final String SENTENCE = "Deep inside the page there is still a sentence that"
      + " someone wrote for a reader, with a subject, a verb and an object.";

  /** Parsing 100,000 levels takes about a second; the budget is not what these tests check. */
  private final MainTextExtractor patient =
      new MainTextExtractor(ExtractionConfig.defaults().withTimeBudget(Duration.ofMinutes(1)));

  @Test
  @Timeout(value = 20, unit = TimeUnit.SECONDS)
  void survivesBlockNesting100000Deep() throws Exception {
    String html = "<html><body>" + "<div>".repeat(100_000) + "<p>" + SENTENCE + "</p></body>";
    ExtractedPage page = patient.extract(html, "");
    assertEquals(SENTENCE, page.text());
  }

  @Test
  @Timeout(value = 20, unit = TimeUnit.SECONDS)
  void survivesInlineNesting100000Deep() throws Exception {
    String html = "<body><div>" + "<span>".repeat(100_000) + SENTENCE + "</div></body>";
    assertEquals(SENTENCE, patient.extract(html, "").text());
  }

  @Test
  @Timeout(value = 20, unit = TimeUnit.SECONDS)
  void survivesHiddenNesting100000Deep() throws Exception {
    String html = "<body><p>" + SENTENCE + "</p><div hidden>" + "<b>".repeat(100_000) + "secret"
        + "</div></body>";
    ExtractedPage page = patient.extract(html, "");
    assertEquals(SENTENCE, page.text());
    assertEquals("secret".length(), page.hiddenChars());
  }

  @Test
  void emptyPagesGiveEmptyText() throws Exception {
    for (String html : new String[] {"", "   ", "<html></html>", "<body></body>",
        "<frameset><frame src=\"a.html\"></frameset>", "<!-- only a comment -->"}) {
      ExtractedPage page = patient.extract(html, "");
      assertEquals(new ExtractedPage("", "", 0), page, html);
    }
  }

  @Test
  @Timeout(value = 20, unit = TimeUnit.SECONDS)
  void junkNeverThrows() throws Exception {
    Random random = new Random(20240501L);
    for (int round = 0; round < 200; round++) {
      byte[] bytes = new byte[random.nextInt(4000)];
      random.nextBytes(bytes);
      patient.extract(new String(bytes, StandardCharsets.ISO_8859_1), "not a uri");
    }
    String[] fragments = {"<", ">", "</", "<p>", "</div>", "<a href=", "\"", "&", "&#", ";",
        "<!--", "-->", "<script>", "<table>", "<td>", "<li>", "\u0000", "\uFFFF", "\uD800",
        "text ", "<br>", "<pre>", "<svg>", "<template>", " hidden ", "style=display:none"};
    for (int round = 0; round < 500; round++) {
      StringBuilder html = new StringBuilder();
      int parts = random.nextInt(300);
      for (int i = 0; i < parts; i++) {
        html.append(fragments[random.nextInt(fragments.length)]);
      }
      ExtractedPage page = patient.extract(html.toString(), "");
      assertTrue(page.hiddenChars() >= 0);
    }
  }

  @Test
  @Timeout(value = 20, unit = TimeUnit.SECONDS)
  void aTinyBudgetEndsInTheTimeoutException() {
    String html = "<body>" + ("<div class=\"x\"><p>" + SENTENCE + "</p></div>").repeat(50_000)
        + "</body>";
    MainTextExtractor hasty =
        new MainTextExtractor(ExtractionConfig.defaults().withTimeBudget(Duration.ofMillis(1)));
    ExtractionTimeoutException thrown =
        assertThrows(ExtractionTimeoutException.class, () -> hasty.extract(html, ""));
    assertEquals(Duration.ofMillis(1), thrown.budget());
  }

  @Test
  void outputIsCappedAtABoundary() throws Exception {
    MainTextExtractor capped = new MainTextExtractor(new ExtractionConfig(
        Duration.ofMinutes(1), ExtractionConfig.DEFAULT_MAX_INPUT_CHARS, 100));
    String html = "<body><article>" + ("<p>" + SENTENCE + "</p>").repeat(20) + "</article></body>";
    String text = capped.extract(html, "").text();
    assertTrue(!text.isEmpty() && text.length() <= 100, text);
    String[] blocks = text.split("\n\n");
    String last = blocks[blocks.length - 1];
    assertTrue(SENTENCE.startsWith(last), text);
    // Cut between words, never inside one.
    assertTrue(last.length() == SENTENCE.length() || SENTENCE.charAt(last.length()) == ' ', text);
  }

  @Test
  void inputBeyondTheLimitIsNotRead() throws Exception {
    MainTextExtractor limited = new MainTextExtractor(new ExtractionConfig(
        Duration.ofMinutes(1), 200, ExtractionConfig.DEFAULT_MAX_OUTPUT_CHARS));
    String html = "<body><p>" + SENTENCE + "</p><p>" + "unread ".repeat(100) + "</p></body>";
    String text = limited.extract(html, "").text();
    assertTrue(text.startsWith(SENTENCE), text);
    assertTrue(text.length() < 200, text);
  }

  @Test
  void aNullBaseUriIsAccepted() throws Exception {
    assertEquals(SENTENCE, patient.extract("<p>" + SENTENCE + "</p>", null).text());
  }
}
