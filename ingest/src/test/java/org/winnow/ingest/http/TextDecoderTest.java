package org.winnow.ingest.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TextDecoderTest {
  private static final String GERMAN =
      "Über den Wolken muss die Freiheit wohl grenzenlos sein. Alle Ängste, alle Sorgen, sagt man,"
          + " blieben darunter verborgen, und dann würde, was uns groß und wichtig erscheint,"
          + " plötzlich nichtig und klein.";
  private static final String RUSSIAN =
      "Все счастливые семьи похожи друг на друга, каждая несчастливая семья несчастлива"
          + " по-своему. Всё смешалось в доме Облонских. Жена узнала, что муж был в связи с бывшею"
          + " в их доме француженкою-гувернанткой, и объявила мужу, что не может жить с ним в"
          + " одном доме.";
  private static final String CHINESE = "我国卫生与健康领域有了基本法，这部法律将于明年六月一日起施行。";

  private static DecodedText html(byte[] bytes, String header) {
    return TextDecoder.decode(bytes, Optional.ofNullable(header), PageKind.HTML);
  }

  private static byte[] page(String text, Charset cs, String head) {
    return ("<html><head>" + head + "<title>t</title></head><body><p>" + text
        + "</p></body></html>").getBytes(cs);
  }

  @Test
  void fittingDeclarationIsUsedAsIs() {
    DecodedText t = html(page(GERMAN, Charset.forName("windows-1252"), ""), "ISO-8859-1");
    assertTrue(t.text().contains(GERMAN));
    assertEquals("windows-1252", t.charset().name());
    assertFalse(t.declaredMismatch());
    assertEquals(0, t.replaced());
  }

  @Test
  void latin1LabelOnUtf8BytesIsAMismatch() {
    DecodedText t = html(page(GERMAN, StandardCharsets.UTF_8, ""), "iso-8859-1");
    assertTrue(t.text().contains(GERMAN), t.text());
    assertEquals(StandardCharsets.UTF_8, t.charset());
    assertTrue(t.declaredMismatch());
  }

  @Test
  void utf8LabelOnLegacyBytesFallsBackToDetection() {
    DecodedText t = html(page(RUSSIAN, Charset.forName("windows-1251"), ""), "utf-8");
    assertTrue(t.text().contains(RUSSIAN), t.charset() + ": " + t.text());
    assertTrue(t.declaredMismatch());
  }

  @Test
  void undeclaredLegacyBytesAreDetected() {
    DecodedText t = html(page(RUSSIAN, Charset.forName("KOI8-R"), ""), null);
    assertTrue(t.text().contains(RUSSIAN), t.charset() + ": " + t.text());
    assertFalse(t.declaredMismatch(), "nothing was declared");
  }

  @Test
  void metaDeclarationsInBothForms() {
    Charset gbk = Charset.forName("GBK");
    assertTrue(html(page(CHINESE, gbk, "<meta charset=gb2312>"), null).text().contains(CHINESE));
    assertTrue(html(page(CHINESE, gbk,
        "<META HTTP-EQUIV=\"Content-Type\" CONTENT=\"text/html; charset=GBK\">"), null)
        .text().contains(CHINESE));
    byte[] xml = ("<?xml version='1.0' encoding='Shift_JIS'?><html><body>日本語の文章です。"
        + "</body></html>").getBytes(Charset.forName("Shift_JIS"));
    DecodedText t = html(xml, null);
    assertTrue(t.text().contains("日本語の文章です。"), t.text());
    assertFalse(t.declaredMismatch());
  }

  @Test
  void headerWinsOverMetaWhenBothFit() {
    byte[] bytes = page(GERMAN, Charset.forName("windows-1252"), "<meta charset=\"utf-8\">");
    DecodedText t = html(bytes, "windows-1252");
    assertTrue(t.text().contains(GERMAN));
    assertFalse(t.declaredMismatch());
  }

  @Test
  void unknownLabelFallsBackToDetection() {
    DecodedText t = html(page(GERMAN, StandardCharsets.UTF_8, ""), "x-no-such-charset");
    assertTrue(t.text().contains(GERMAN));
    assertTrue(t.declaredMismatch());
  }

  @Test
  void byteOrderMarkWins() {
    byte[] utf16 = ("\uFEFF" + "<p>" + GERMAN + "</p>").getBytes(StandardCharsets.UTF_16LE);
    DecodedText t = html(utf16, "iso-8859-1");
    assertEquals("<p>" + GERMAN + "</p>", t.text());
    byte[] utf8 = ("\uFEFF" + GERMAN).getBytes(StandardCharsets.UTF_8);
    assertEquals(GERMAN, TextDecoder.decode(utf8, Optional.empty(), PageKind.TEXT).text());
  }

  @Test
  void damagedUtf8IsReplacedAndCounted() {
    byte[] good = GERMAN.getBytes(StandardCharsets.UTF_8);
    byte[] bad = new byte[good.length + 2];
    System.arraycopy(good, 0, bad, 0, 10);
    bad[10] = (byte) 0xff;
    bad[11] = (byte) 0xc3;
    System.arraycopy(good, 10, bad, 12, good.length - 10);
    DecodedText t = TextDecoder.decode(bad, Optional.of("utf-8"), PageKind.TEXT);
    assertEquals(StandardCharsets.UTF_8, t.charset());
    assertEquals(2, t.replaced());
    assertFalse(t.declaredMismatch());
    assertTrue(t.text().endsWith(GERMAN.substring(10)));
  }

  @Test
  void emptyAndAsciiInput() {
    assertEquals("", TextDecoder.decode(new byte[0], Optional.empty(), PageKind.HTML).text());
    DecodedText ascii = TextDecoder.decode("plain".getBytes(StandardCharsets.US_ASCII),
        Optional.empty(), PageKind.TEXT);
    assertEquals("plain", ascii.text());
    assertFalse(ascii.declaredMismatch());
  }
}
