package org.winnow.ingest.warc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.winnow.ingest.warc.WarcFixtures.ENGLISH;
import static org.winnow.ingest.warc.WarcFixtures.ascii;
import static org.winnow.ingest.warc.WarcFixtures.concat;
import static org.winnow.ingest.warc.WarcFixtures.http;
import static org.winnow.ingest.warc.WarcFixtures.page;
import static org.winnow.ingest.warc.WarcFixtures.record;
import static org.winnow.ingest.warc.WarcFixtures.response;
import static org.winnow.ingest.warc.WarcFixtures.utf8;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.winnow.core.Document;
import org.winnow.core.ledger.Fate;
import org.winnow.core.ledger.Ledger;
import org.winnow.core.ledger.Outcome;
import org.winnow.ingest.IngestConfig;
import org.winnow.ingest.WarcIngester;

/** Each kind of bad input becomes a counted, reasoned outcome; the ledger always balances. */
@Timeout(30)
class BadInputTest {
  private static final String URL = "http://www.example.co.uk/page";
  private static final String FRENCH =
      "L'été dernier, le café de la place était très animé : on y servait des crêpes, du thé"
          + " glacé et des pâtisseries fraîches à toute heure, même après la fermeture du marché.";

  private static WarcIngester ingester;

  @BeforeAll
  static void setUp() {
    ingester = new WarcIngester(
        IngestConfig.defaults("bad").withLanguages(List.of("en", "de", "fr", "es")));
  }

  private static List<Outcome> read(byte[] file) {
    List<Outcome> outcomes = WarcFixtures.readAll(ingester, file, "bad.warc");
    WarcFixtures.ledger(outcomes);
    return outcomes;
  }

  private static Outcome only(byte[] record) {
    List<Outcome> outcomes = read(record);
    assertEquals(1, outcomes.size(), outcomes.toString());
    return outcomes.get(0);
  }

  private static Outcome.Dropped dropped(Outcome o, Fate fate, String reason) {
    Outcome.Dropped d = assertInstanceOf(Outcome.Dropped.class, o, o.toString());
    assertEquals(reason, d.reason(), d.detail());
    assertEquals(fate, d.fate(), d.detail());
    assertTrue(d.detail().startsWith(d.warcFile() + ":" + d.warcOffset() + ": "), d.detail());
    return d;
  }

  private static Outcome.Kept kept(Outcome o) {
    return assertInstanceOf(Outcome.Kept.class, o, o.toString());
  }

  @Test
  void truncatedGzipMemberMidFileKeepsTheRecordsBefore() {
    byte[] first = WarcFixtures.gzip(response(URL, "text/html", utf8(page("One", ENGLISH))));
    byte[] second = WarcFixtures.gzip(response(URL + "2", "text/html", utf8(page("Two", ENGLISH))));
    byte[] cut = concat(first, Arrays.copyOf(second, second.length / 2));
    List<Outcome> outcomes = WarcFixtures.readAll(ingester, cut, "cut.warc.gz");
    Ledger ledger = WarcFixtures.ledger(outcomes);
    assertEquals(2, outcomes.size(), outcomes.toString());
    kept(outcomes.get(0));
    Outcome.Dropped d = dropped(outcomes.get(1), Fate.REJECTED, "truncated_warc");
    assertEquals(first.length, d.warcOffset(), "the offset of the member that is cut");
    assertTrue(d.detail().startsWith("cut.warc.gz:" + first.length + ": "), d.detail());
    assertEquals(1, ledger.rejected().get("truncated_warc"));
  }

  @Test
  void corruptGzipMemberMidFileEndsTheStreamWithOneReject() {
    byte[] first = WarcFixtures.gzip(response(URL, "text/html", utf8(page("One", ENGLISH))));
    byte[] second = WarcFixtures.gzip(response(URL + "2", "text/html", utf8(page("Two", ENGLISH))));
    byte[] third = WarcFixtures.gzip(response(URL + "3", "text/html", utf8(page("Three", ENGLISH))));
    for (int i = 12; i < 40; i++) {
      second[i] = (byte) 0xff;
    }
    List<Outcome> outcomes =
        WarcFixtures.readAll(ingester, concat(first, second, third), "corrupt.warc.gz");
    WarcFixtures.ledger(outcomes);
    assertEquals(2, outcomes.size(), outcomes.toString());
    kept(outcomes.get(0));
    dropped(outcomes.get(1), Fate.REJECTED, "malformed_warc");
  }

  @Test
  void malformedHttpHeaderIsRejectedAndReadingGoesOn() {
    byte[] bad = record("response", URL, "application/http;msgtype=response",
        ascii("HTTP/1.1 200 OK\r\nThis line has no colon\r\n\r\n<html>hi</html>"));
    byte[] garbage = record("response", URL + "/g", "application/http;msgtype=response",
        ascii("<html>no status line at all</html>"));
    byte[] good = response(URL + "/ok", "text/html", utf8(page("Fine", ENGLISH)));
    List<Outcome> outcomes = read(concat(bad, garbage, good));
    assertEquals(3, outcomes.size());
    dropped(outcomes.get(0), Fate.REJECTED, "malformed_http");
    dropped(outcomes.get(1), Fate.REJECTED, "malformed_http");
    kept(outcomes.get(2));
  }

  @Test
  void endlessHttpHeaderIsRejectedWithoutBufferingIt() {
    byte[] huge = record("response", URL, "application/http;msgtype=response",
        http("HTTP/1.1 200 OK", List.of("Content-Type: text/html", "X-Junk: " + "a".repeat(3 << 20)),
            utf8(page("Fine", ENGLISH))));
    byte[] good = response(URL + "/ok", "text/html", utf8(page("Fine", ENGLISH)));
    List<Outcome> outcomes = read(concat(huge, good));
    Outcome.Dropped d = dropped(outcomes.get(0), Fate.REJECTED, "malformed_http");
    assertTrue(d.detail().contains("HTTP header"), d.detail());
    kept(outcomes.get(1));
  }

  @Test
  void nonHtmlContentTypeIsUnsupported() {
    Outcome.Dropped d = dropped(only(response(URL + ".pdf", "application/pdf",
        ascii("%PDF-1.4 ..."))), Fate.REJECTED, "unsupported_content_type");
    assertTrue(d.detail().contains("application/pdf"), d.detail());
  }

  @Test
  void declaredLatin1ButUtf8BytesDecodeAsUtf8() {
    Document d = checkCharset("text/html; charset=ISO-8859-1", utf8(page("Café", FRENCH)));
    assertTrue(d.text().contains("L'été dernier, le café"), d.text());
    assertEquals("Café", d.title());
  }

  @Test
  void declaredUtf8ButWindows1252BytesAreDetected() {
    Document d = checkCharset("text/html; charset=utf-8",
        page("Café", FRENCH).getBytes(Charset.forName("windows-1252")));
    assertTrue(d.text().contains("L'été dernier, le café"), d.text());
  }

  @Test
  void metaCharsetIsHonouredWhenTheHeaderHasNone() {
    String html = "<html><head><meta charset=\"windows-1252\"><title>Thé</title></head><body><p>"
        + FRENCH + "</p></body></html>";
    Outcome.Kept k = kept(only(response(URL, "text/html",
        html.getBytes(Charset.forName("windows-1252")))));
    assertTrue(k.document().text().contains("très animé"), k.document().text());
    assertEquals(List.of(), k.modifications());
    assertEquals("fr", k.document().lang());
  }

  private static Document checkCharset(String contentType, byte[] body) {
    Outcome.Kept k = kept(only(response(URL, contentType, body)));
    assertTrue(k.modifications().contains("charset_mismatch"), k.modifications().toString());
    assertFalse(k.document().text().contains("\uFFFD"), k.document().text());
    assertEquals("fr", k.document().lang());
    return k.document();
  }

  @Test
  void invalidUtf8DecodesWithReplacementAndIsCounted() {
    byte[] body = utf8(page("Straße", "Die Straße führt über die Brücke " + ENGLISH));
    int at = new String(body, StandardCharsets.ISO_8859_1).indexOf("Die ");
    byte[] broken = concat(Arrays.copyOf(body, at), new byte[] {(byte) 0xc3, (byte) 0x28,
        (byte) 0xff, ' '}, Arrays.copyOfRange(body, at, body.length));
    List<Outcome> outcomes = read(response(URL, "text/html; charset=utf-8", broken));
    Outcome.Kept k = kept(outcomes.get(0));
    assertTrue(k.document().text().contains("\uFFFD"), k.document().text());
    assertTrue(k.document().text().contains("Die Straße führt über die Brücke"));
    assertEquals(List.of("invalid_bytes_replaced"), k.modifications());
    assertEquals(1, WarcFixtures.ledger(outcomes).modified().get("invalid_bytes_replaced"));
  }

  @Test
  void pageOverTheSizeLimitIsTooLarge() {
    WarcIngester small = new WarcIngester(IngestConfig.defaults("bad")
        .withLanguages(List.of("en", "de")).withMaxRecordBytes(4096));
    byte[] body = utf8(page("Big", ENGLISH.repeat(40)));
    List<Outcome> outcomes = WarcFixtures.readAll(small, concat(
        response(URL, "text/html", body), response(URL + "/2", "text/html",
            utf8(page("Small", ENGLISH)))), "big.warc");
    WarcFixtures.ledger(outcomes);
    dropped(outcomes.get(0), Fate.REJECTED, "too_large");
    kept(outcomes.get(1));
  }

  @Test
  void pageOverTheDefaultTenMegabytesIsTooLarge() {
    byte[] body = new byte[(int) IngestConfig.DEFAULT_MAX_RECORD_BYTES + 1];
    Arrays.fill(body, (byte) 'a');
    WarcIngester defaults = new WarcIngester(
        IngestConfig.defaults("bad").withLanguages(List.of("en", "de")));
    List<Outcome> outcomes = WarcFixtures.readAll(defaults,
        response(URL, "text/plain", body), "big.warc");
    WarcFixtures.ledger(outcomes);
    dropped(outcomes.get(0), Fate.REJECTED, "too_large");
  }

  @Test
  @Timeout(10)
  void gzipBombOfOneGibibyteStopsAtTheLimit() {
    byte[] bomb = Bombs.gzipZeros(1024);
    assertTrue(bomb.length < IngestConfig.DEFAULT_MAX_RECORD_BYTES, "the bomb fits the limit");
    byte[] rec = record("response", URL, "application/http;msgtype=response",
        http("HTTP/1.1 200 OK", List.of("Content-Type: text/html", "Content-Encoding: gzip"),
            bomb));
    Outcome.Dropped d = dropped(only(rec), Fate.REJECTED, "decompression_limit");
    assertTrue(d.detail().contains("more than " + IngestConfig.DEFAULT_MAX_RECORD_BYTES), d.detail());
  }

  @Test
  @Timeout(60)
  void htmlNestedOneHundredThousandLevelsDeep() {
    int depth = 100_000;
    String html = "<html><head><title>Deep</title></head><body>" + "<div>".repeat(depth)
        + "<p>" + ENGLISH + "</p>" + "</div>".repeat(depth) + "</body></html>";
    Outcome o = only(response(URL, "text/html; charset=utf-8", utf8(html)));
    if (o instanceof Outcome.Kept k) {
      assertFalse(k.document().text().isBlank());
    } else {
      Outcome.Dropped d = (Outcome.Dropped) o;
      assertTrue(List.of("no_main_text", "extract_timeout", "extract_error").contains(d.reason()),
          d.detail());
    }
  }

  @Test
  void emptyPageIsRemoved() {
    dropped(only(response(URL, "text/html", new byte[0])), Fate.REMOVED, "empty_page");
    dropped(only(record("resource", URL, "text/html", new byte[0])), Fate.REMOVED, "empty_page");
  }

  @Test
  void pageWithoutTextIsNoMainText() {
    dropped(only(response(URL, "text/html", ascii("<html><body><img src=x></body></html>"))),
        Fate.REMOVED, "no_main_text");
    dropped(only(response(URL, "text/plain", ascii(" \r\n\t "))), Fate.REMOVED, "no_main_text");
  }

  @Test
  void binaryJunkWithAnHtmlContentTypeIsRejected() {
    byte[] junk = new byte[3000];
    new Random(42).nextBytes(junk);
    junk[0] = 'x';
    Outcome.Dropped d = dropped(only(response(URL, "text/html", junk)), Fate.REJECTED,
        "binary_content");
    assertTrue(d.detail().contains("control bytes"), d.detail());
    dropped(only(response(URL, "text/html", concat(ascii("\u0089PNG\r\n\u001a\n"), junk))),
        Fate.REJECTED, "binary_content");
  }

  @Test
  void binaryJunkInsteadOfAWarcIsOneReject() {
    byte[] junk = new byte[5000];
    new Random(7).nextBytes(junk);
    junk[0] = 'Z'; // not the gzip magic
    List<Outcome> outcomes = WarcFixtures.readAll(ingester, junk, "junk.warc");
    WarcFixtures.ledger(outcomes);
    assertEquals(1, outcomes.size());
    dropped(outcomes.get(0), Fate.REJECTED, "malformed_warc");
  }

  @Test
  void binaryJunkAfterValidRecordsEndsTheStream() {
    byte[] junk = new byte[5000];
    new Random(11).nextBytes(junk);
    byte[] good = response(URL, "text/html", utf8(page("Fine", ENGLISH)));
    List<Outcome> outcomes = read(concat(good, junk));
    assertEquals(2, outcomes.size());
    kept(outcomes.get(0));
    Outcome.Dropped d = dropped(outcomes.get(1), Fate.REJECTED, "malformed_warc");
    assertEquals(good.length, d.warcOffset());
  }

  @Test
  void nonSuccessStatusIsRemoved() {
    for (String status : List.of("HTTP/1.1 301 Moved Permanently", "HTTP/1.1 404 Not Found",
        "HTTP/1.0 503 Service Unavailable", "HTTP/1.1 100 Continue")) {
      dropped(only(record("response", URL, "application/http;msgtype=response",
          http(status, List.of("Content-Type: text/html"), ascii("<p>x</p>")))),
          Fate.REMOVED, "http_status");
    }
  }

  @Test
  void unsupportedAndCorruptContentEncodings() {
    dropped(only(record("response", URL, "application/http;msgtype=response",
        http("HTTP/1.1 200 OK", List.of("Content-Type: text/html", "Content-Encoding: compress"),
            ascii("\u001f\u009d...")))), Fate.REJECTED, "unsupported_content_encoding");
    dropped(only(record("response", URL, "application/http;msgtype=response",
        http("HTTP/1.1 200 OK", List.of("Content-Type: text/html", "Content-Encoding: gzip"),
            ascii("this is not gzip at all")))), Fate.REJECTED, "bad_content_encoding");
  }

  @Test
  void invalidWarcHeadersAreMalformedRecords() {
    byte[] noUri = record("response", null, "application/http;msgtype=response",
        http("HTTP/1.1 200 OK", List.of("Content-Type: text/html"), utf8(page("x", ENGLISH))));
    byte[] badDate = new String(response(URL, "text/html", utf8(page("x", ENGLISH))),
        StandardCharsets.ISO_8859_1)
        .replace(WarcFixtures.DATE, "yesterday").getBytes(StandardCharsets.ISO_8859_1);
    List<Outcome> outcomes = read(concat(noUri, badDate));
    dropped(outcomes.get(0), Fate.REJECTED, "malformed_record");
    dropped(outcomes.get(1), Fate.REJECTED, "malformed_record");
  }

  @Test
  void urlWithoutHostIsInvalid() {
    dropped(only(record("resource", "urn:x-page:1", "text/html", utf8(page("x", ENGLISH)))),
        Fate.REJECTED, "invalid_url");
  }

  @Test
  void segmentedRecordIsRejected() {
    dropped(only(record("response", URL, "application/http;msgtype=response",
        http("HTTP/1.1 200 OK", List.of("Content-Type: text/html"), utf8(page("x", ENGLISH))),
        "WARC-Segment-Number: 1")), Fate.REJECTED, "segmented_record");
  }

  @Test
  void truncatedChunkedBodyKeepsWhatArrivedAndSaysSo() {
    byte[] body = utf8(page("Chunks", ENGLISH));
    String chunked = Integer.toHexString(body.length + 100) + "\r\n";
    byte[] rec = record("response", URL, "application/http;msgtype=response",
        concat(http("HTTP/1.1 200 OK", List.of("Content-Type: text/html",
            "Transfer-Encoding: chunked"), ascii(chunked)), body));
    Outcome.Kept k = kept(only(rec));
    assertTrue(k.modifications().contains("truncated_payload"), k.modifications().toString());
  }

  @Test
  void recordTruncatedByTheCrawlerIsKeptAndSaysSo() {
    byte[] rec = record("response", URL, "application/http;msgtype=response",
        http("HTTP/2 200", List.of("Content-Type: text/html"), utf8(page("Long", ENGLISH))),
        "WARC-Truncated: length");
    Outcome.Kept k = kept(only(rec));
    assertEquals(List.of("truncated_payload"), k.modifications());
  }

  @Test
  void failingSourceMidFileIsAReadErrorAfterTheRecordsBefore() {
    byte[] good = response(URL, "text/html", utf8(page("Fine", ENGLISH)));
    byte[] file = concat(good, good, good);
    List<Outcome> outcomes = WarcFixtures.drain(ingester.read(
        new FailingStream(file, good.length + 10), "failing.warc"));
    WarcFixtures.ledger(outcomes);
    kept(outcomes.get(0));
    Outcome.Dropped d = dropped(outcomes.get(outcomes.size() - 1), Fate.REJECTED,
        "warc_read_error");
    assertTrue(d.detail().contains("disk on fire"), d.detail());
  }
}
