package org.winnow.ingest.warc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.winnow.ingest.warc.WarcFixtures.ENGLISH;
import static org.winnow.ingest.warc.WarcFixtures.ascii;
import static org.winnow.ingest.warc.WarcFixtures.concat;
import static org.winnow.ingest.warc.WarcFixtures.http;
import static org.winnow.ingest.warc.WarcFixtures.page;
import static org.winnow.ingest.warc.WarcFixtures.record;
import static org.winnow.ingest.warc.WarcFixtures.response;
import static org.winnow.ingest.warc.WarcFixtures.utf8;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.channels.Channels;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Enumeration;
import java.util.Iterator;
import java.util.List;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.netpreserve.jwarc.MediaType;
import org.netpreserve.jwarc.WarcCompression;
import org.netpreserve.jwarc.WarcDigest;
import org.netpreserve.jwarc.WarcResponse;
import org.netpreserve.jwarc.WarcWriter;
import org.winnow.core.Document;
import org.winnow.core.DocumentId;
import org.winnow.core.ledger.Fate;
import org.winnow.core.ledger.Outcome;
import org.winnow.ingest.IngestConfig;
import org.winnow.ingest.WarcIngester;

/** The contract others rely on: one outcome per candidate record, lineage, laziness, closing. */
@Timeout(30)
class WarcIngesterTest {
  private static final String URL = "http://www.example.co.uk/a/page";
  private static WarcIngester ingester;

  @BeforeAll
  static void setUp() {
    ingester = new WarcIngester(
        IngestConfig.defaults("fixture").withLanguages(List.of("en", "de", "fr")));
  }

  private static List<Outcome> read(byte[] file) {
    List<Outcome> outcomes = WarcFixtures.readAll(ingester, file, "fixture.warc");
    WarcFixtures.ledger(outcomes);
    return outcomes;
  }

  private static Document keptDocument(Outcome o) {
    return assertInstanceOf(Outcome.Kept.class, o, o.toString()).document();
  }

  @Test
  void oneOutcomePerCandidateRecordAndNoneForTheOthers() {
    byte[] file = concat(
        WarcFixtures.warcinfo(),
        WarcFixtures.request(URL),
        response(URL, "text/html", utf8(page("The mill", ENGLISH))),
        record("metadata", URL, "application/warc-fields", ascii("fetchTimeMs: 12\r\n")),
        record("resource", URL + "/r", "text/html", utf8(page("Resource", ENGLISH))),
        record("conversion", URL + "/c", "text/plain", utf8(ENGLISH)),
        record("revisit", URL, "application/http;msgtype=response",
            http("HTTP/1.1 200 OK", List.of("Content-Type: text/html"), new byte[0]),
            "WARC-Profile: http://netpreserve.org/warc/1.1/revisit/identical-payload-digest",
            "WARC-Payload-Digest: sha1:3I42H3S6NNFQ2MSVX7XZKYAYSCX5QBYJ"));
    List<Outcome> outcomes = read(file);
    assertEquals(4, outcomes.size(), outcomes.toString());
    Outcome.Dropped revisit = assertInstanceOf(Outcome.Dropped.class, outcomes.get(3));
    assertEquals("revisit", revisit.reason());
    assertEquals(Fate.REMOVED, revisit.fate());
    assertEquals(URL, revisit.url());
    assertEquals(DocumentId.of(URL, "sha1:3I42H3S6NNFQ2MSVX7XZKYAYSCX5QBYJ"), revisit.id());
  }

  @Test
  void documentFieldsAndLineage() throws Exception {
    byte[] info = WarcFixtures.warcinfo();
    byte[] request = WarcFixtures.request(URL);
    byte[] body = utf8(page("The mill", ENGLISH));
    byte[] resp = response(URL, "text/html; charset=utf-8", body);
    List<Outcome> outcomes = read(concat(info, request, resp));
    Document d = keptDocument(outcomes.get(0));
    byte[] sha1 = MessageDigest.getInstance("SHA-1").digest(body);
    assertEquals(DocumentId.of(URL, "sha1:" + new WarcDigest("sha1", sha1).base32()), d.id(),
        "without WARC-Payload-Digest the id uses a SHA-1 of the payload");
    assertEquals(URL, d.url());
    assertEquals("example.co.uk", d.domain());
    assertEquals("fixture", d.source());
    assertEquals(Instant.parse(WarcFixtures.DATE), d.fetchTime());
    assertEquals("en", d.lang());
    assertTrue(d.langScore() > 0 && d.langScore() <= 1, "score " + d.langScore());
    assertEquals("The mill", d.title());
    assertTrue(d.text().contains("The river runs quietly"), d.text());
    assertEquals("fixture.warc", d.warcFile());
    assertEquals(info.length + request.length, d.warcOffset(), "byte offset of the record");
  }

  @Test
  void recordedPayloadDigestMakesTheId() {
    byte[] rec = record("response", URL, "application/http;msgtype=response",
        http("HTTP/1.1 200 OK", List.of("Content-Type: text/html"), utf8(page("x", ENGLISH))),
        "WARC-Payload-Digest: sha1:CUJAG44UJDP64LTXHBIFKPXD54UHBP4S");
    Document d = keptDocument(read(rec).get(0));
    assertEquals(DocumentId.of(URL, "sha1:CUJAG44UJDP64LTXHBIFKPXD54UHBP4S"), d.id());
  }

  @Test
  void gzipOffsetsAreMemberOffsets() {
    byte[][] records = {
      WarcFixtures.warcinfo(), WarcFixtures.request(URL),
      response(URL, "text/html", utf8(page("One", ENGLISH))),
      WarcFixtures.request(URL + "2"),
      response(URL + "2", "text/html", utf8(page("Two", ENGLISH)))
    };
    byte[] file = WarcFixtures.gzipPerRecord(records);
    List<Long> members = GzipMembers.starts(file);
    List<Outcome> outcomes = WarcFixtures.readAll(ingester, file, "fixture.warc.gz");
    WarcFixtures.ledger(outcomes);
    assertEquals(members.get(2), keptDocument(outcomes.get(0)).warcOffset());
    assertEquals(members.get(4), keptDocument(outcomes.get(1)).warcOffset());
  }

  @Test
  void wetConversionIsPassedThroughWithLanguage() {
    byte[] wet = record("conversion", URL, "text/plain",
        utf8("Der Fluss fließt still an der alten Mühle vorbei,\r\nwo die Kinder des Dorfes"
            + " sich jeden Sommerabend versammelten.\r\n"),
        "WARC-Refers-To: <urn:uuid:00000000-0000-4000-8000-000000000001>");
    Document d = keptDocument(read(wet).get(0));
    assertEquals("", d.title());
    assertEquals("de", d.lang());
    assertEquals("Der Fluss fließt still an der alten Mühle vorbei,\nwo die Kinder des Dorfes"
        + " sich jeden Sommerabend versammelten.", d.text());
  }

  @Test
  void plainTextAndXhtmlAreAllowed() {
    Document plain = keptDocument(read(response(URL, "text/plain; charset=us-ascii",
        ascii(ENGLISH + "\r\n"))).get(0));
    assertEquals(ENGLISH, plain.text());
    assertEquals("", plain.title());
    Document xhtml = keptDocument(read(response(URL, "application/xhtml+xml",
        utf8("<?xml version=\"1.0\" encoding=\"utf-8\"?>" + page("X", ENGLISH)))).get(0));
    assertTrue(xhtml.text().contains("The river"), xhtml.text());
  }

  @Test
  void missingContentTypeIsSniffed() {
    byte[] html = record("response", URL, "application/http;msgtype=response",
        http("HTTP/1.1 200 OK", List.of(), utf8("  \n" + page("Sniffed", ENGLISH))));
    assertEquals("Sniffed", keptDocument(read(html).get(0)).title());
    byte[] other = record("response", URL, "application/http;msgtype=response",
        http("HTTP/1.1 200 OK", List.of(), utf8("{\"json\": true}")));
    Outcome.Dropped d = assertInstanceOf(Outcome.Dropped.class, read(other).get(0));
    assertEquals("unsupported_content_type", d.reason());
  }

  @Test
  void everyContentEncodingDecodesToTheSameText() throws IOException {
    byte[] body = utf8(page("Encoded", ENGLISH));
    String expected = keptDocument(read(response(URL, "text/html", body)).get(0)).text();
    List<byte[]> encoded = List.of(
        encoded(WarcFixtures.gzip(body), "gzip", false),
        encoded(WarcFixtures.gzip(body), "x-gzip", false),
        encoded(deflate(body, false), "deflate", false),
        encoded(deflate(body, true), "deflate", false),
        encoded(BrotliStored.encode(body), "br", false),
        encoded(WarcFixtures.gzip(body), "gzip", true),
        encoded(body, null, true),
        record("response", URL, "application/http;msgtype=response",
            http("HTTP/1.1 200 OK", List.of("Content-Type: text/html"), WarcFixtures.gzip(body))));
    for (byte[] rec : encoded) {
      Outcome o = read(rec).get(0);
      assertEquals(expected, keptDocument(o).text(), new String(rec, 0, 400,
          StandardCharsets.ISO_8859_1));
    }
    Outcome.Kept undeclared = (Outcome.Kept) read(encoded.get(encoded.size() - 1)).get(0);
    assertEquals(List.of("undeclared_gzip"), undeclared.modifications());
  }

  private static byte[] encoded(byte[] payload, String coding, boolean chunked) {
    List<String> headers = new ArrayList<>(List.of("Content-Type: text/html"));
    if (coding != null) {
      headers.add("Content-Encoding: " + coding);
    }
    byte[] entity = payload;
    if (chunked) {
      headers.add("Transfer-Encoding: chunked");
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      for (int off = 0; off < payload.length; off += 100) {
        int n = Math.min(100, payload.length - off);
        out.writeBytes(ascii(Integer.toHexString(n) + "\r\n"));
        out.write(payload, off, n);
        out.writeBytes(ascii("\r\n"));
      }
      out.writeBytes(ascii("0\r\n\r\n"));
      entity = out.toByteArray();
    }
    return record("response", URL, "application/http;msgtype=response",
        http("HTTP/1.1 200 OK", headers, entity));
  }

  private static byte[] deflate(byte[] data, boolean raw) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (DeflaterOutputStream d = new DeflaterOutputStream(out, new Deflater(6, raw))) {
      d.write(data);
    }
    return out.toByteArray();
  }

  @Test
  void readsWhatJwarcWrites() throws IOException {
    byte[] body = utf8(page("Written by jwarc", ENGLISH));
    byte[] httpMessage = http("HTTP/1.1 200 OK", List.of("Content-Type: text/html; charset=utf-8",
        "Content-Length: " + body.length), body);
    ByteArrayOutputStream file = new ByteArrayOutputStream();
    try (WarcWriter writer = new WarcWriter(Channels.newChannel(file),
        WarcCompression.GZIP)) {
      writer.write(new WarcResponse.Builder(URI.create(URL))
          .date(Instant.parse(WarcFixtures.DATE))
          .body(MediaType.HTTP_RESPONSE, httpMessage)
          .build());
    }
    List<Outcome> outcomes = WarcFixtures.readAll(ingester, file.toByteArray(), "jwarc.warc.gz");
    WarcFixtures.ledger(outcomes);
    assertEquals("Written by jwarc", keptDocument(outcomes.get(0)).title());
    assertEquals(0, keptDocument(outcomes.get(0)).warcOffset());
  }

  @Test
  void readingIsLazyAndStreaming() {
    // Error pages: no extraction or language work, so the test measures reading alone.
    byte[] rec = record("response", URL, "application/http;msgtype=response",
        http("HTTP/1.1 404 Not Found", List.of("Content-Type: text/html"),
            utf8(page("Gone", ENGLISH.repeat(10)))));
    int copies = 2000;
    CountingStream source = new CountingStream(repeat(rec, copies));
    Iterator<Outcome> it = ingester.read(source, "many.warc");
    assertEquals(0, source.count, "nothing is read before the first hasNext()");
    it.next();
    assertTrue(source.count < 64 * 1024,
        "one record needs a buffer's worth of input, not the file: " + source.count);
    int n = 1;
    while (it.hasNext()) {
      assertEquals("http_status", ((Outcome.Dropped) it.next()).reason());
      n++;
    }
    assertEquals(copies, n);
    assertEquals((long) rec.length * copies, source.count);
  }

  @Test
  void theStreamIsClosedWhenExhaustedOrEndedByAReject() {
    byte[] good = response(URL, "text/html", utf8(page("Fine", ENGLISH)));
    FailingStream whole = new FailingStream(good, Integer.MAX_VALUE);
    WarcFixtures.drain(ingester.read(whole, "whole.warc"));
    assertTrue(whole.closed);
    FailingStream cut = new FailingStream(Arrays.copyOf(good, good.length / 2), Integer.MAX_VALUE);
    List<Outcome> outcomes = WarcFixtures.drain(ingester.read(cut, "cut.warc"));
    assertEquals("truncated_warc", ((Outcome.Dropped) outcomes.get(0)).reason());
    assertTrue(cut.closed);
    FailingStream early = new FailingStream(concat(good, good), Integer.MAX_VALUE);
    try (WarcOutcomes it = (WarcOutcomes) ingester.read(early, "early.warc")) {
      it.next();
    }
    assertTrue(early.closed, "closing the outcomes closes the stream");
  }

  @Test
  void aStreamThatFailsBeforeItsFirstByteThrowsWithTheFileName() {
    FailingStream dead = new FailingStream(new byte[100], 0);
    Iterator<Outcome> it = ingester.read(dead, "s3a://bucket/dead.warc.gz");
    UncheckedIOException e = assertThrows(UncheckedIOException.class, it::hasNext);
    assertTrue(e.getMessage().contains("s3a://bucket/dead.warc.gz"), e.getMessage());
    assertTrue(dead.closed);
  }

  @Test
  void anEmptyStreamHasNoOutcomes() {
    assertFalse(ingester.read(new ByteArrayInputStream(new byte[0]), "empty.warc").hasNext());
  }

  @Test
  void toleratedOdditiesAreReportedAsWarnings() {
    byte[] good = response(URL, "text/html", utf8(page("Fine", ENGLISH)));
    byte[] noTrailer = Arrays.copyOf(good, good.length - 4);
    WarcOutcomes it = (WarcOutcomes) ingester.read(
        new ByteArrayInputStream(noTrailer), "notrailer.warc");
    List<Outcome> outcomes = WarcFixtures.drain(it);
    keptDocument(outcomes.get(0));
    assertEquals(1, outcomes.size());
    assertFalse(it.warnings().isEmpty());
    assertTrue(it.warnings().get(0).startsWith("notrailer.warc:"), it.warnings().toString());
  }

  private static InputStream repeat(byte[] bytes, int times) {
    return new SequenceInputStream(new Enumeration<InputStream>() {
      int left = times;

      @Override
      public boolean hasMoreElements() {
        return left > 0;
      }

      @Override
      public InputStream nextElement() {
        left--;
        return new ByteArrayInputStream(bytes);
      }
    });
  }

  /** Counts the bytes a reader has pulled. */
  private static final class CountingStream extends InputStream {
    private final InputStream in;
    long count;

    CountingStream(InputStream in) {
      this.in = in;
    }

    @Override
    public int read() throws IOException {
      int c = in.read();
      count += c >= 0 ? 1 : 0;
      return c;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      int n = in.read(b, off, len);
      count += Math.max(0, n);
      return n;
    }
  }
}
