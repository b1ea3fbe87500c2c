package org.winnow.jobs.quickstart;

import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.net.URI;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
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
 * Writes {@link HttpCapture}s to one WARC/1.1 file the way a crawler does: a warcinfo record,
 * then a request and a response record per capture, each record its own gzip member, with block
 * and payload digests and the server's address. Record ids are derived from the content, so the
 * same captures give the same file.
 */
public final class CaptureWriter implements Closeable {
  private static final DateTimeFormatter HTTP_DATE =
      DateTimeFormatter.RFC_1123_DATE_TIME.withZone(ZoneOffset.UTC);
  private static final String USER_AGENT =
      "winnow-quickstart/0.1 (+https://" + PageRenderer.HOST + "/crawler)";

  private final WarcWriter warc;
  private final URI warcinfoId;
  private long captures;

  /**
   * Creates {@code file} (replacing it) and writes its warcinfo record.
   *
   * @param created the WARC-Date of the warcinfo record
   */
  public CaptureWriter(Path file, Instant created) throws IOException {
    FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE,
        StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE);
    this.warc = new WarcWriter(channel, WarcCompression.GZIP);
    String name = file.getFileName().toString();
    this.warcinfoId = recordId("warcinfo", name);
    Map<String, List<String>> fields = new LinkedHashMap<>();
    fields.put("software", List.of("winnow quickstart (jwarc)"));
    fields.put("format", List.of("WARC File Format 1.1"));
    fields.put("conformsTo", List.of("https://iipc.github.io/warc-specifications/specifications/warc-format/warc-1.1/"));
    fields.put("description", List.of("Europarl debates rendered as web pages of a fictional site"));
    fields.put("robots", List.of("obey"));
    warc.write(new Warcinfo.Builder()
        .version(MessageVersion.WARC_1_1)
        .recordId(warcinfoId)
        .date(created.truncatedTo(ChronoUnit.SECONDS))
        .filename(name)
        .fields(fields)
        .build());
  }

  /** Appends the request and response records of {@code c}. */
  public void write(HttpCapture c) throws IOException {
    Instant date = c.date().truncatedTo(ChronoUnit.SECONDS);
    byte[] response = responseBytes(c, date);
    URI responseId = recordId("response", c.uri() + " " + date);
    warc.write(new WarcResponse.Builder(c.uri())
        .version(MessageVersion.WARC_1_1)
        .recordId(responseId)
        .date(date)
        .warcinfoId(warcinfoId)
        .ipAddress(c.ip())
        .body(MediaType.HTTP_RESPONSE, response)
        .blockDigest(sha1(response))
        .payloadDigest(sha1(c.body()))
        .build());
    byte[] request = requestBytes(c);
    warc.write(new WarcRequest.Builder(c.uri())
        .version(MessageVersion.WARC_1_1)
        .recordId(recordId("request", c.uri() + " " + date))
        .date(date)
        .warcinfoId(warcinfoId)
        .concurrentTo(responseId)
        .ipAddress(c.ip())
        .body(MediaType.HTTP_REQUEST, request)
        .blockDigest(sha1(request))
        .build());
    captures++;
  }

  /** Bytes written to the file so far: the offset the next capture's first record starts at. */
  public long position() {
    return warc.position();
  }

  /** Captures written so far. */
  public long captures() {
    return captures;
  }

  @Override
  public void close() throws IOException {
    warc.close();
  }

  private static byte[] responseBytes(HttpCapture c, Instant date) throws IOException {
    StringBuilder h = new StringBuilder();
    h.append("HTTP/1.1 ").append(c.status()).append(' ').append(reasonPhrase(c.status())).append("\r\n");
    h.append("Date: ").append(HTTP_DATE.format(date)).append("\r\n");
    h.append("Server: nginx\r\n");
    h.append("Content-Type: ").append(c.contentType()).append("\r\n");
    h.append("Content-Length: ").append(c.body().length).append("\r\n");
    if (c.gzip()) {
      h.append("Content-Encoding: gzip\r\n");
      h.append("Vary: Accept-Encoding\r\n");
    }
    h.append("Cache-Control: max-age=600\r\n");
    h.append("Connection: close\r\n\r\n");
    ByteArrayOutputStream out = new ByteArrayOutputStream(h.length() + c.body().length);
    out.write(h.toString().getBytes(StandardCharsets.ISO_8859_1));
    out.write(c.body());
    return out.toByteArray();
  }

  private static byte[] requestBytes(HttpCapture c) {
    String path = c.uri().getRawPath() + (c.uri().getRawQuery() == null ? "" : "?" + c.uri().getRawQuery());
    String req = "GET " + path + " HTTP/1.1\r\n"
        + "Host: " + c.uri().getHost() + "\r\n"
        + "User-Agent: " + USER_AGENT + "\r\n"
        + "Accept: text/html,application/xhtml+xml;q=0.9,*/*;q=0.8\r\n"
        + "Accept-Encoding: gzip\r\n"
        + "Accept-Language: en;q=0.8, *;q=0.5\r\n"
        + "Connection: close\r\n\r\n";
    return req.getBytes(StandardCharsets.ISO_8859_1);
  }

  private static String reasonPhrase(int status) {
    return switch (status) {
      case 200 -> "OK";
      case 301 -> "Moved Permanently";
      case 404 -> "Not Found";
      case 500 -> "Internal Server Error";
      default -> "Status " + status;
    };
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

  private static URI recordId(String type, String key) {
    UUID id = UUID.nameUUIDFromBytes((type + " " + key).getBytes(StandardCharsets.UTF_8));
    return URI.create("urn:uuid:" + id);
  }
}
