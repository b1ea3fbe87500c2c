package org.winnow.jobs.quickstart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class PageRendererTest {
  private static final List<EuroparlDocument> DOCS = EuroparlReader.read(12);

  private static String render(int i) {
    return PageRenderer.render(DOCS.get(i), DOCS.subList(8, 12));
  }

  @Test
  void aPageHasTheArticleAmongTheUsualBoilerplate() {
    for (int i = 0; i < 6; i++) {
      String html = render(i);
      EuroparlDocument d = DOCS.get(i);
      assertTrue(html.startsWith("<!DOCTYPE html>"), html);
      assertTrue(html.contains("charset=\"utf-8\"") || html.contains("charset=utf-8"), html);
      assertTrue(html.contains("<title>" + PageRenderer.esc(d.title()) + " | "), html);
      assertTrue(html.contains("cookie-banner"), "cookie banner");
      assertTrue(html.contains("share-bar"), "share bar");
      assertTrue(html.contains("class=\"related\""), "related links");
      assertTrue(html.contains("<footer"), "footer");
      assertTrue(html.contains("Debates"), "navigation");
      assertTrue(Pattern.compile("style=\"display: ?none;?\"").matcher(html).find(), "hidden block");
      for (String p : d.paragraphs()) {
        assertTrue(html.contains(PageRenderer.esc(p)), "paragraph missing: " + p);
      }
      for (EuroparlDocument r : DOCS.subList(8, 12)) {
        assertTrue(html.contains(PageRenderer.urlOf(r)), "related link to " + r.index());
      }
    }
  }

  @Test
  void layoutsVaryAndRenderingIsDeterministic() {
    Set<String> shapes = new HashSet<>();
    for (int i = 0; i < 6; i++) {
      assertEquals(render(i), render(i));
      Matcher body = Pattern.compile("<body[^>]*>\\s*<([a-z]+)").matcher(render(i));
      assertTrue(body.find());
      shapes.add(body.group(0).replaceAll("\\s+", " "));
    }
    assertEquals(3, shapes.size(), shapes.toString());
    assertNotEquals(render(0).replace(DOCS.get(0).title(), ""), render(3).replace(DOCS.get(3).title(), ""));
  }

  @Test
  void textIsEscaped() {
    EuroparlDocument d = new EuroparlDocument(0, "A <b>bold</b> & \"quoted\" title",
        LocalDate.of(2001, 2, 3), List.of("x < y && y > z"));
    String html = PageRenderer.render(d, List.of());
    assertTrue(html.contains("A &lt;b&gt;bold&lt;/b&gt; &amp; &quot;quoted&quot; title"), html);
    assertTrue(html.contains("x &lt; y &amp;&amp; y &gt; z"), html);
  }

  @Test
  void urlsAreAsciiSlugsUnderTheFictionalHost() {
    EuroparlDocument d = new EuroparlDocument(17, "Ärzte über Öl: Réunion — 2004!", LocalDate.of(2004, 5, 6),
        List.of("p"));
    assertEquals("https://europarl.example/debates/2004-05-06/arzte-uber-ol-reunion-2004-17.html",
        PageRenderer.urlOf(d));
    EuroparlDocument greek = new EuroparlDocument(3, "Ψηφοφορία", LocalDate.of(2004, 5, 6), List.of("p"));
    assertEquals("https://europarl.example/debates/2004-05-06/item-3.html", PageRenderer.urlOf(greek));
  }
}
