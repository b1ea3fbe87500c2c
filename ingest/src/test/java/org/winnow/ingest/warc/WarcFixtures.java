package org.winnow.ingest.warc;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.winnow.core.ledger.Ledger;
import org.winnow.core.ledger.Outcome;
import org.winnow.ingest.WarcIngester;

/** Builds WARC fixtures byte by byte, so that a test controls every header and every flaw. */
final class WarcFixtures {
  static final String DATE = "2024-05-18T01:02:03Z";
  private static int ids;

  private WarcFixtures() {}

  static byte[] ascii(String s) {
    return s.getBytes(StandardCharsets.ISO_8859_1);
  }

  static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] p : parts) {
      out.writeBytes(p);
    }
    return out.toByteArray();
  }

  /** One WARC record: the headers given, then Content-Length, the block and the trailer. */
  static byte[] record(String type, String url, String contentType, byte[] block,
      String... extraHeaders) {
    StringBuilder h = new StringBuilder("WARC/1.0\r\n");
    h.append("WARC-Type: ").append(type).append("\r\n");
    h.append("WARC-Record-ID: <urn:uuid:00000000-0000-4000-8000-")
        .append(String.format("%012d", ++ids)).append(">\r\n");
    h.append("WARC-Date: ").append(DATE).append("\r\n");
    if (url != null) {
      h.append("WARC-Target-URI: ").append(url).append("\r\n");
    }
    if (contentType != null) {
      h.append("Content-Type: ").append(contentType).append("\r\n");
    }
    for (String extra : extraHeaders) {
      h.append(extra).append("\r\n");
    }
    h.append("Content-Length: ").append(block.length).append("\r\n\r\n");
    return concat(ascii(h.toString()), block, ascii("\r\n\r\n"));
  }

  /** An HTTP response message: status line, header lines, blank line, body. */
  static byte[] http(String statusLine, List<String> headers, byte[] body) {
    StringBuilder h = new StringBuilder(statusLine).append("\r\n");
    for (String header : headers) {
      h.append(header).append("\r\n");
    }
    h.append("\r\n");
    return concat(ascii(h.toString()), body);
  }

  /** A response record holding an HTTP 200 with the given Content-Type and body. */
  static byte[] response(String url, String httpContentType, byte[] body) {
    return record("response", url, "application/http;msgtype=response",
        http("HTTP/1.1 200 OK", List.of("Content-Type: " + httpContentType,
            "Content-Length: " + body.length), body));
  }

  static byte[] request(String url) {
    return record("request", url, "application/http;msgtype=request",
        ascii("GET / HTTP/1.1\r\nHost: example.com\r\n\r\n"));
  }

  static byte[] warcinfo() {
    return record("warcinfo", null, "application/warc-fields", ascii("software: winnow-test\r\n"));
  }

  static byte[] gzip(byte[] data) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
      gz.write(data);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /** A .warc.gz: each record its own gzip member, as Common Crawl writes them. */
  static byte[] gzipPerRecord(byte[]... records) {
    List<byte[]> members = new ArrayList<>();
    for (byte[] r : records) {
      members.add(gzip(r));
    }
    return concat(members.toArray(new byte[0][]));
  }

  static String page(String title, String paragraph) {
    return "<!DOCTYPE html><html><head><title>" + title + "</title></head><body><article><h1>"
        + title + "</h1><p>" + paragraph + "</p><p>" + paragraph + "</p></article></body></html>";
  }

  static final String ENGLISH =
      "The river runs quietly past the old mill, where the children of the village used to"
          + " gather every summer evening to watch the light fade over the water and the fields.";

  static List<Outcome> readAll(WarcIngester ingester, byte[] file, String name) {
    return drain(ingester.read(new ByteArrayInputStream(file), name));
  }

  static List<Outcome> drain(Iterator<Outcome> it) {
    List<Outcome> outcomes = new ArrayList<>();
    it.forEachRemaining(outcomes::add);
    return outcomes;
  }

  /** The ledger of the outcomes; every test checks that it balances. */
  static Ledger ledger(List<Outcome> outcomes) {
    Ledger ledger = new Ledger(WarcIngester.STAGE);
    outcomes.forEach(ledger::record);
    if (!ledger.balanced() || ledger.in() != outcomes.size()) {
      throw new AssertionError("ledger does not balance: " + ledger.toJson());
    }
    return ledger;
  }
}
