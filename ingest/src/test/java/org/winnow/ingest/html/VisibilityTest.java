package org.winnow.ingest.html;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

class VisibilityTest {
  private static boolean hidden(String openTag) {
    Element element = Jsoup.parseBodyFragment(openTag).body().child(0);
    return Visibility.isHidden(element);
  }

  @Test
  void recognisesTheWaysMarkupHides() {
    assertTrue(hidden("<div hidden>"));
    assertTrue(hidden("<div hidden=\"until-found\">"));
    assertTrue(hidden("<span aria-hidden=\"TRUE\">"));
    assertTrue(hidden("<div style=\"DISPLAY : none\">"));
    assertTrue(hidden("<div style=\"color: red;display:none!important;\">"));
    assertTrue(hidden("<div style=\"visibility:hidden\">"));
    assertTrue(hidden("<div class=\"foo hidden\">"));
    assertTrue(hidden("<div class=\"d-none\">"));
    assertTrue(hidden("<span class=\"screen-reader-text\">"));
  }

  @Test
  void visibleAndResponsiveElementsAreNotHidden() {
    assertFalse(hidden("<div>"));
    assertFalse(hidden("<div aria-hidden=\"false\">"));
    assertFalse(hidden("<div style=\"display:block\">"));
    assertFalse(hidden("<div style=\"max-height:none\">"));
    assertFalse(hidden("<div class=\"hidden md:block\">"));
    assertFalse(hidden("<div class=\"d-none d-lg-block\">"));
    assertFalse(hidden("<div class=\"hidden-xs\">"));
  }
}
