package org.winnow.ingest.html;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class LinkTargetTest {
  @Test
  void tellsSiteLinksFromLinksElsewhere() {
    String host = "example.com";
    assertEquals(LinkTarget.SITE, LinkTarget.of("/news/1", host));
    assertEquals(LinkTarget.SITE, LinkTarget.of("page.html", host));
    assertEquals(LinkTarget.SITE, LinkTarget.of("https://www.example.com/a", host));
    assertEquals(LinkTarget.SITE, LinkTarget.of("//blog.example.com/a", host));
    assertEquals(LinkTarget.SITE, LinkTarget.of("javascript:void(0)", host));
    assertEquals(LinkTarget.ELSEWHERE, LinkTarget.of("https://other.org/x", host));
    assertEquals(LinkTarget.ELSEWHERE, LinkTarget.of("HTTP://notexample.com/", host));
    assertEquals(LinkTarget.NONE, LinkTarget.of("#section-2", host));
    assertEquals(LinkTarget.NONE, LinkTarget.of("  ", host));
    assertEquals(LinkTarget.NONE, LinkTarget.of("MAILTO:a@b.c", host));
    assertEquals(LinkTarget.NONE, LinkTarget.of("tel:+49 30 1234", host));
  }

  @Test
  void withoutAPageHostEveryLinkIsTheSite() {
    assertEquals(LinkTarget.SITE, LinkTarget.of("https://other.org/x", ""));
  }

  @Test
  void hostsAreLowerCaseWithoutWwwPortOrUser() {
    assertEquals("example.com", LinkTarget.hostOf("https://user@WWW.Example.com:8080/p?q#f"));
    assertEquals("example.com", LinkTarget.hostOf("//example.com"));
    assertNull(LinkTarget.hostOf("/relative/path"));
    assertNull(LinkTarget.hostOf("not a uri"));
  }
}
