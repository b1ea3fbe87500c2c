package org.winnow.ingest.crawl;

import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.channels.Channels;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.netpreserve.jwarc.MediaType;
import org.netpreserve.jwarc.MessageVersion;
import org.netpreserve.jwarc.WarcCompression;
import org.netpreserve.jwarc.WarcDigest;
import org.netpreserve.jwarc.WarcRequest;
import org.netpreserve.jwarc.WarcResponse;
import org.netpreserve.jwarc.WarcWriter;
import org.netpreserve.jwarc.Warcinfo;

/**
 * Writes fetched exchanges as WARC/1.1 with jwarc: a warcinfo record, then per exchange a response
 * record and a request record concurrent to it, each its own gzip member, with block and payload
 * digests, WARC-Date and WARC-IP-Address. The response keeps the body as transferred (still
 * content-encoded); the chunked transfer coding is already undone, so Transfer-Encoding is dropped
 * and Content-Length states the stored length.
 */
public final class CrawlWarcWriter implements Closeable {
  private final WarcWriter warc;
  private final URI warcinfoId;

  /** @param fileName the name recorded in the warcinfo record */
  public CrawlWarcWriter(OutputStream out, String fileName, String software) throws IOException {
    this.warc = new WarcWriter(Channels.newChannel(out), WarcCompression.GZIP);
    this.warcinfoId = URI.create("urn:uuid:" + UUID.randomUUID());
    Map<String, List<String>> fields = new LinkedHashMap<>();
    fields.put("software", List.of(software));
    fields.put("format", List.of("WARC File Format 1.1"));
    fields.put("robots", List.of("obey"));
    warc.write(new Warcinfo.Builder()
        .version(MessageVersion.WARC_1_1)
        .recordId(warcinfoId)
        .date(Instant.now())
        .filename(fileName)
        .fields(fields)
        .build());
  }

  /**
   * Appends the response and request records of {@code r}, which must be {@link
   * FetchResult#archivable()}.
   *
   * @return the offset of the response record, the lineage ingest records
   */
  public long write(FetchResult r) throws IOException {
    if (!r.archivable()) {
      throw new IllegalArgumentException("no complete response to archive for " + r.url());
    }
    long offset = warc.position();
    byte[] response = responseBytes(r);
    URI responseId = URI.create("urn:uuid:" + UUID.randomUUID());
    WarcResponse.Builder rb = new WarcResponse.Builder(r.url())
        .version(MessageVersion.WARC_1_1)
        .recordId(responseId)
        .date(r.fetchTime())
        .warcinfoId(warcinfoId)
        .body(MediaType.HTTP_RESPONSE, response)
        .blockDigest(sha1(response))
        .payloadDigest(sha1(r.body()));
    r.address().ifPresent(rb::ipAddress);
    warc.write(rb.build());
    byte[] request = requestBytes(r);
    WarcRequest.Builder qb = new WarcRequest.Builder(r.url())
        .version(MessageVersion.WARC_1_1)
        .date(r.fetchTime())
        .warcinfoId(warcinfoId)
        .concurrentTo(responseId)
        .body(MediaType.HTTP_REQUEST, request)
        .blockDigest(sha1(request));
    r.address().ifPresent(qb::ipAddress);
    warc.write(qb.build());
    return offset;
  }

  /** Bytes written so far. */
  public long position() {
    return warc.position();
  }

  @Override
  public void close() throws IOException {
    warc.close();
  }

  private static byte[] responseBytes(FetchResult r) throws IOException {
    StringBuilder h = new StringBuilder();
    h.append("HTTP/1.1 ").append(r.status()).append(' ')
        .append(r.reasonPhrase() == null ? "" : r.reasonPhrase()).append("\r\n");
    for (Map.Entry<String, String> e : r.headers()) {
      String name = e.getKey();
      if (name.equalsIgnoreCase("Transfer-Encoding") || name.equalsIgnoreCase("Content-Length")) {
        continue;
      }
      h.append(name).append(": ").append(e.getValue()).append("\r\n");
    }
    h.append("Content-Length: ").append(r.body().length).append("\r\n\r\n");
    ByteArrayOutputStream out = new ByteArrayOutputStream(h.length() + r.body().length);
    out.write(h.toString().getBytes(StandardCharsets.ISO_8859_1));
    out.write(r.body());
    return out.toByteArray();
  }

  private static byte[] requestBytes(FetchResult r) {
    URI u = URI.create(r.url());
    String target = (u.getRawPath() == null || u.getRawPath().isEmpty() ? "/" : u.getRawPath())
        + (u.getRawQuery() == null ? "" : "?" + u.getRawQuery());
    StringBuilder b = new StringBuilder("GET ").append(target).append(" HTTP/1.1\r\n");
    for (Map.Entry<String, String> e : r.requestHeaders()) {
      b.append(e.getKey()).append(": ").append(e.getValue()).append("\r\n");
    }
    b.append("\r\n");
    return b.toString().getBytes(StandardCharsets.ISO_8859_1);
  }

  private static WarcDigest sha1(byte[] data) {
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-1");
      md.update(data);
      return new WarcDigest(md);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-1", e);
    }
  }
}
