package org.winnow.ingest.html;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

class ClassHintsTest {
  private static int hint(String openTag) {
    Element element = Jsoup.parseBodyFragment(openTag).body().child(0);
    return new ClassHints().of(element, TagKind.of(element.normalName()));
  }

  @Test
  void namesAreReadAsWords() {
    assertEquals(ClassHints.FURNITURE, hint("<div id=\"jp-relatedPosts\">"));
    assertEquals(ClassHints.FURNITURE, hint("<div class=\"sharedaddy sd-sharing-enabled\">"));
    assertEquals(ClassHints.FURNITURE, hint("<ul class=\"mainmenu\">"));
    assertEquals(ClassHints.CONTENT, hint("<div class=\"entry-content clearfix\">"));
    assertEquals(ClassHints.CONTENT, hint("<div itemprop=\"articleBody\">"));
    assertEquals(ClassHints.COMMENTS, hint("<ol class=\"commentlist\">"));
    assertEquals(ClassHints.COMMENTS, hint("<div class=\"comment-content\">"));
    assertEquals(ClassHints.HEADER, hint("<div class=\"entry-header\">"));
    assertEquals(0, hint("<div class=\"commentary\">"));
    assertEquals(0, hint("<div class=\"row col-md-8\">"));
  }

  @Test
  void furnitureOutweighsContent() {
    assertEquals(ClassHints.FURNITURE, hint("<div class=\"post-meta\">"));
    assertEquals(ClassHints.FURNITURE, hint("<p class=\"wp-caption-text\">"));
    assertEquals(ClassHints.FURNITURE, hint("<div class=\"main-box related-box\">"));
    assertEquals(ClassHints.FURNITURE, hint("<div role=\"navigation\" class=\"content\">"));
  }

  @Test
  void taxonomyStatesAndModifiersAreNotHints() {
    assertEquals(ClassHints.CONTENT,
        hint("<article class=\"post type-post hentry category-news tag-sport tag-ads\">"));
    assertEquals(0, hint("<div class=\"has-sidebar no-comments\">"));
    assertEquals(0, hint("<section class=\"o-section o-section--has-ads\">"));
  }

  @Test
  void headingIdsAreAnchorsNotNames() {
    assertEquals(0, hint("<h3 id=\"nav_the_folie_stays\">"));
    assertEquals(ClassHints.FURNITURE, hint("<div id=\"nav_main\">"));
  }
}
