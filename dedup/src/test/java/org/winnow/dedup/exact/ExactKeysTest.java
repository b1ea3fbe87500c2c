package org.winnow.dedup.exact;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.junit.jupiter.api.Test;

class ExactKeysTest {
  @Test
  void textKeyIgnoresCaseWidthPunctuationAndSpacing() {
    String k = ExactKeys.text("Hello, World!\n\nThis is  a test.");
    assertEquals(32, k.length());
    assertEquals(k, ExactKeys.text("hello world — this is a TEST"));
    assertEquals(k, ExactKeys.text("ＨＥＬＬＯ world this is a test"));
    assertNotEquals(k, ExactKeys.text("hello world this is a toast"));
  }

  @Test
  void urlKeyIgnoresWhatDoesNotChangeThePage() {
    String k = ExactKeys.url("https://www.Example.com/a/b/?y=2&x=1#top");
    assertEquals(k, ExactKeys.url("http://example.com:80/a/b?x=1&y=2"));
    assertNotEquals(k, ExactKeys.url("http://example.com/a/c?x=1&y=2"));
    assertEquals(UrlNormalizer.normalize("not a url"), "not a url");
    assertEquals("http://example.com:8080", UrlNormalizer.normalize("HTTP://EXAMPLE.COM:8080/"));
  }
}
