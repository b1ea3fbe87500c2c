package org.winnow.ingest.crawl;

import java.net.InetAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One HTTP exchange as the fetcher saw it: the response as transferred (status, headers, body
 * still content-encoded) for the WARC, the decoded body for link extraction, or the reason there
 * is no usable response.
 *
 * @param url        the URL requested
 * @param requestHeaders the headers sent, in order
 * @param status     the HTTP status, 0 when no response came
 * @param reasonPhrase the status line's reason phrase
 * @param headers    the response headers, in order
 * @param body       the body as transferred (after chunked decoding), empty when not kept
 * @param decoded    the body after Content-Encoding, empty when not kept
 * @param address    the server address connected to
 * @param fetchTime  when the request was sent
 * @param failure    why the exchange gave no usable response; empty for any complete response
 * @param detail     a human-readable explanation of the failure
 */
public record FetchResult(
    String url,
    List<Map.Entry<String, String>> requestHeaders,
    int status,
    String reasonPhrase,
    List<Map.Entry<String, String>> headers,
    byte[] body,
    byte[] decoded,
    Optional<InetAddress> address,
    Instant fetchTime,
    Optional<CrawlReason> failure,
    String detail) {

  static FetchResult failed(String url, List<Map.Entry<String, String>> requestHeaders,
      int status, Instant time, CrawlReason reason, String detail) {
    return new FetchResult(url, requestHeaders, status, "", List.of(), new byte[0], new byte[0],
        Optional.empty(), time, Optional.of(reason), detail);
  }

  /** A complete response whose status and body are worth archiving. */
  public boolean archivable() {
    return failure.isEmpty() && status > 0;
  }

  /** The first value of a response header, case-insensitively. */
  public Optional<String> header(String name) {
    for (Map.Entry<String, String> h : headers) {
      if (h.getKey().equalsIgnoreCase(name)) {
        return Optional.of(h.getValue());
      }
    }
    return Optional.empty();
  }

  public boolean isRedirect() {
    return status >= 300 && status < 400 && status != 304 && header("Location").isPresent();
  }

  /** Whether the server asked to come back later (429, or 503 with Retry-After). */
  public boolean isSlowDown() {
    return status == 429 || (status == 503 && header("Retry-After").isPresent());
  }

  /** The wait the Retry-After header asks for, relative to the fetch time. */
  public Optional<Duration> retryAfter() {
    return header("Retry-After").flatMap(v -> RetryAfter.parse(v, fetchTime));
  }
}
