package org.winnow.ingest.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Content-Type parsing, charset labels, meta prescan, binary and HTML sniffing. */
class SniffersTest {
  private static byte[] ascii(String s) {
    return s.getBytes(StandardCharsets.ISO_8859_1);
  }

  @Test
  void contentTypeParsing() {
    ContentType t = ContentType.parse("Text/HTML ; foo=bar; Charset=\"UTF-8\"");
    assertEquals("text/html", t.base());
    assertEquals(Optional.of("UTF-8"), t.charset());
    assertEquals("", ContentType.parse("html").base());
    assertEquals(Optional.empty(), ContentType.parse("text/plain; charset=").charset());
    assertEquals(Optional.of("gbk"), ContentType.parse("text/html;charset='gbk'").charset());
  }

  @Test
  void allowlist() {
    assertEquals(Optional.of(PageKind.HTML), PageKind.of("application/xhtml+xml"));
    assertEquals(Optional.of(PageKind.TEXT), PageKind.of("text/plain"));
    assertEquals(Optional.empty(), PageKind.of("text/css"));
  }

  @Test
  void charsetLabelsResolveLikeBrowsers() {
    assertEquals("windows-1252", CharsetLabels.resolve("ISO-8859-1").orElseThrow().name());
    assertEquals("windows-1252", CharsetLabels.resolve(" us-ascii ").orElseThrow().name());
    assertEquals("GB18030", CharsetLabels.resolve("gb2312").orElseThrow().name());
    assertEquals("UTF-8", CharsetLabels.resolve("utf8").orElseThrow().name());
    assertEquals(Optional.empty(), CharsetLabels.resolve("no-such-charset"));
    assertEquals(Optional.empty(), CharsetLabels.resolve("bad name with spaces"));
    assertEquals(Optional.empty(), CharsetLabels.resolve(""));
  }

  @Test
  void metaPrescan() {
    assertEquals(Optional.of("KOI8-R"),
        MetaCharset.sniff(ascii("<html><head><meta charset='KOI8-R'>"), 0));
    assertEquals(Optional.of("windows-1251"), MetaCharset.sniff(ascii(
        "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1251\" />"), 0));
    assertEquals(Optional.of("utf-8"), MetaCharset.sniff(ascii("<meta charset=utf-16le>"), 0),
        "a page read as bytes cannot be UTF-16");
    assertEquals(Optional.empty(), MetaCharset.sniff(ascii("<p>charset=latin1</p>"), 0));
    byte[] late = ascii(" ".repeat(MetaCharset.SCAN_BYTES) + "<meta charset=latin1>");
    assertEquals(Optional.empty(), MetaCharset.sniff(late, 0));
  }

  @Test
  void binarySniffing() {
    assertEquals(Optional.empty(), BinarySniffer.check(ascii("<html>\t\r\n\f plain text</html>")));
    assertTrue(BinarySniffer.check(ascii("%PDF-1.7\n...")).isPresent());
    assertTrue(BinarySniffer.check(new byte[] {'a', 0, 0, 0, 'b', 1, 2, 3}).isPresent());
    byte[] utf16 = "\uFEFFtext".getBytes(StandardCharsets.UTF_16BE);
    assertEquals(Optional.empty(), BinarySniffer.check(utf16));
    byte[] oneStray = ascii("x".repeat(500) + "\u0001" + "y".repeat(500));
    assertEquals(Optional.empty(), BinarySniffer.check(oneStray), "one stray control byte");
  }

  @Test
  void htmlSniffing() {
    assertTrue(HtmlSniffer.looksLikeHtml(ascii("\n  <!DOCTYPE html><html>")));
    assertTrue(HtmlSniffer.looksLikeHtml(ascii("<HTML>")));
    assertTrue(HtmlSniffer.looksLikeHtml(ascii("<!-- comment -->")));
    assertTrue(HtmlSniffer.looksLikeHtml(ascii("<p class=x>")));
    assertFalse(HtmlSniffer.looksLikeHtml(ascii("<pre>")));
    assertFalse(HtmlSniffer.looksLikeHtml(ascii("{\"a\": 1}")));
    assertFalse(HtmlSniffer.looksLikeHtml(new byte[0]));
  }
}
