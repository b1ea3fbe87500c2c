package org.winnow.jobs.quickstart;

import java.net.InetAddress;
import java.net.URI;
import java.time.Instant;
import java.util.Objects;

/**
 * One fetch as a crawler records it: the request for {@code uri} and the server's answer.
 *
 * @param uri         the target URI
 * @param date        when the response was received (WARC-Date)
 * @param ip          the server's address (WARC-IP-Address)
 * @param status      the HTTP status code
 * @param contentType the Content-Type header
 * @param body        the entity body as sent (already gzipped when {@code gzip})
 * @param gzip        whether the body carries {@code Content-Encoding: gzip}
 */
public record HttpCapture(
    URI uri, Instant date, InetAddress ip, int status, String contentType, byte[] body, boolean gzip) {
  public HttpCapture {
    Objects.requireNonNull(uri, "uri");
    Objects.requireNonNull(date, "date");
    Objects.requireNonNull(ip, "ip");
    Objects.requireNonNull(contentType, "contentType");
    Objects.requireNonNull(body, "body");
  }
}
