package org.winnow.ingest.crawl;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import org.apache.hc.client5.http.SystemDefaultDnsResolver;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.client5.http.protocol.HttpClientContext;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.EndpointDetails;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.io.SocketConfig;
import org.apache.hc.core5.util.Timeout;
import org.winnow.ingest.http.BoundedRead;
import org.winnow.ingest.http.ContentEncodings;
import org.winnow.ingest.http.ContentType;
import org.winnow.ingest.http.PayloadDecoder;
import org.winnow.ingest.warc.IngestReason;
import org.winnow.ingest.warc.RecordDropException;

/**
 * Fetches one URL with Apache HttpClient 5, one request, no redirect followed (the caller checks
 * every hop against robots and scope first) and no automatic decompression (the WARC keeps the
 * body as transferred). Name resolution goes through {@link GuardedDnsResolver}, so the SSRF
 * check sees the very address connected to. Bodies are read up to the size limit and decoded up
 * to the decoded-size limit; anything over is dropped as {@code too_large}.
 */
public final class PageFetcher implements Closeable {
  private final CrawlConfig config;
  private final Predicate<InetAddress> refused;
  private final GuardedDnsResolver resolver;
  private final CloseableHttpClient client;

  /** @param maxConnectionsPerHost the cap on connections one host gets from this fetcher */
  public PageFetcher(CrawlConfig config, int maxConnectionsPerHost) {
    this(config, maxConnectionsPerHost,
        config.allowPrivate() ? a -> false : AddressPolicy::isInternal);
  }

  /**
   * A fetcher that never connects to the {@code refused} addresses, whatever {@code config}
   * says: for a deployment with its own list, and for tests that stand in a loopback server for a
   * public one.
   */
  public PageFetcher(CrawlConfig config, int maxConnectionsPerHost,
      Predicate<InetAddress> refused) {
    this.config = config;
    this.refused = refused;
    this.resolver = new GuardedDnsResolver(SystemDefaultDnsResolver.INSTANCE, refused);
    PoolingHttpClientConnectionManager pool = PoolingHttpClientConnectionManagerBuilder.create()
        .setDnsResolver(resolver)
        .setMaxConnPerRoute(maxConnectionsPerHost)
        .setMaxConnTotal(Math.max(maxConnectionsPerHost, 64))
        .setDefaultSocketConfig(SocketConfig.custom()
            .setSoTimeout(Timeout.of(config.readTimeout())).build())
        .setDefaultConnectionConfig(ConnectionConfig.custom()
            .setConnectTimeout(Timeout.of(config.connectTimeout()))
            .setSocketTimeout(Timeout.of(config.readTimeout()))
            .build())
        .build();
    this.client = HttpClients.custom()
        .setConnectionManager(pool)
        .disableRedirectHandling()
        .disableContentCompression()
        .disableAutomaticRetries()
        .disableCookieManagement()
        .disableAuthCaching()
        .setUserAgent(config.userAgent())
        .setDefaultRequestConfig(RequestConfig.custom()
            .setConnectionRequestTimeout(Timeout.of(config.connectTimeout()))
            .setResponseTimeout(Timeout.of(config.readTimeout()))
            .build())
        .build();
  }

  /**
   * Fetches {@code url}.
   *
   * @param bodyTypes whether to check the content type against the allowlist (robots.txt and
   *     sitemaps are fetched whatever their type)
   */
  public FetchResult fetch(String url, boolean bodyTypes) {
    Instant start = Instant.now();
    List<Map.Entry<String, String>> sent = new ArrayList<>();
    URI uri;
    try {
      uri = URI.create(url);
    } catch (IllegalArgumentException e) {
      return FetchResult.failed(url, sent, 0, start, CrawlReason.BAD_URL, e.getMessage());
    }
    Optional<String> refused = literalAddressRefused(uri);
    if (refused.isPresent()) {
      return FetchResult.failed(url, sent, 0, start, CrawlReason.PRIVATE_ADDRESS, refused.get());
    }
    HttpGet get = new HttpGet(uri);
    get.setHeader("User-Agent", config.userAgent());
    get.setHeader("Accept", "text/html,application/xhtml+xml,text/plain;q=0.9,*/*;q=0.5");
    get.setHeader("Accept-Encoding", "gzip, deflate");
    get.setHeader("Connection", "keep-alive");
    sent.add(Map.entry("Host", uri.getRawAuthority()));
    for (Header h : get.getHeaders()) {
      sent.add(Map.entry(h.getName(), h.getValue()));
    }
    HttpClientContext context = HttpClientContext.create();
    ClassicHttpResponse response = null;
    try {
      response = client.executeOpen(null, get, context);
      return read(url, sent, start, response, remote(context), bodyTypes, get);
    } catch (ForbiddenAddressException e) {
      return FetchResult.failed(url, sent, 0, start, CrawlReason.PRIVATE_ADDRESS, e.getMessage());
    } catch (InterruptedIOException e) {
      // SocketTimeoutException and HttpClient's ConnectTimeoutException are both of this kind.
      return FetchResult.failed(url, sent, 0, start, CrawlReason.TIMEOUT, e.toString());
    } catch (IOException | RuntimeException e) {
      return FetchResult.failed(url, sent, 0, start, CrawlReason.ERROR, e.toString());
    } finally {
      closeAfterUse(response);
    }
  }

  /** The result is decided; a connection cancelled on purpose may fail to close, harmlessly. */
  private static void closeAfterUse(ClassicHttpResponse response) {
    if (response == null) {
      return;
    }
    try {
      response.close();
    } catch (IOException | RuntimeException e) {
      // Nothing left to read from it.
    }
  }

  private FetchResult read(String url, List<Map.Entry<String, String>> sent, Instant start,
      ClassicHttpResponse response, Optional<InetAddress> address, boolean bodyTypes, HttpGet get)
      throws IOException {
    int status = response.getCode();
    List<Map.Entry<String, String>> headers = new ArrayList<>();
    List<String> encodings = new ArrayList<>();
    for (Header h : response.getHeaders()) {
      headers.add(Map.entry(h.getName(), h.getValue()));
      if (h.getName().equalsIgnoreCase("Content-Encoding")) {
        encodings.add(h.getValue());
      }
    }
    HttpEntity entity = response.getEntity();
    if (bodyTypes && status >= 200 && status < 300 && entity != null) {
      String type = entity.getContentType() == null ? "" : ContentType.parse(entity.getContentType()).base();
      if (!config.contentTypes().contains(type)) {
        get.cancel();
        return FetchResult.failed(url, sent, status, start, CrawlReason.CONTENT_TYPE,
            "content type '" + type + "' is not fetched");
      }
    }
    if (entity != null && entity.getContentLength() > config.maxBodyBytes()) {
      get.cancel();
      return FetchResult.failed(url, sent, status, start, CrawlReason.TOO_LARGE,
          "Content-Length " + entity.getContentLength() + " > " + config.maxBodyBytes());
    }
    byte[] body = new byte[0];
    if (entity != null) {
      try (InputStream in = entity.getContent()) {
        BoundedRead raw = BoundedRead.of(in, config.maxBodyBytes());
        if (raw.overLimit()) {
          get.cancel();
          return FetchResult.failed(url, sent, status, start, CrawlReason.TOO_LARGE,
              "body over " + config.maxBodyBytes() + " bytes");
        }
        body = raw.bytes();
      }
    }
    byte[] decoded;
    try {
      decoded = PayloadDecoder.decode(body, ContentEncodings.codings(encodings),
          config.maxDecodedBytes()).bytes();
    } catch (RecordDropException e) {
      CrawlReason reason = e.reason() == IngestReason.DECOMPRESSION_LIMIT
          ? CrawlReason.TOO_LARGE : CrawlReason.ERROR;
      return FetchResult.failed(url, sent, status, start, reason, e.getMessage());
    }
    return new FetchResult(url, sent, status, response.getReasonPhrase(), headers, body, decoded,
        address, start, Optional.empty(), "");
  }

  /**
   * Why the crawler may not connect to {@code url}'s host (it resolves only to refused
   * addresses), or empty. Used on a redirect to another host, which is not fetched here; the
   * check at connect time still guards the later fetch against a name that changes its answer.
   */
  public Optional<String> refusedTarget(String url) {
    URI uri;
    try {
      uri = URI.create(url);
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
    Optional<String> literal = literalAddressRefused(uri);
    if (literal.isPresent() || uri.getHost() == null) {
      return literal;
    }
    try {
      resolver.resolve(uri.getHost());
      return Optional.empty();
    } catch (ForbiddenAddressException e) {
      return Optional.of(e.getMessage());
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  private Optional<String> literalAddressRefused(URI uri) {
    String host = uri.getHost();
    if (host == null) {
      return Optional.empty();
    }
    if (host.startsWith("[") || host.chars().allMatch(c -> c == '.' || (c >= '0' && c <= '9'))) {
      try {
        InetAddress a = InetAddress.getByName(host);
        if (refused.test(a)) {
          return Optional.of(host + " is a refused address (use --allow-private to crawl "
              + "private and loopback addresses)");
        }
      } catch (IOException e) {
        return Optional.empty();
      }
    }
    return Optional.empty();
  }

  private static Optional<InetAddress> remote(HttpClientContext context) {
    EndpointDetails details = context.getEndpointDetails();
    if (details == null) {
      return Optional.empty();
    }
    SocketAddress a = details.getRemoteAddress();
    return a instanceof InetSocketAddress s ? Optional.ofNullable(s.getAddress()) : Optional.empty();
  }

  @Override
  public void close() throws IOException {
    client.close(org.apache.hc.core5.io.CloseMode.IMMEDIATE);
  }
}
