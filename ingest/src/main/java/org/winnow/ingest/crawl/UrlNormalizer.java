package org.winnow.ingest.crawl;

import crawlercommons.filters.basic.BasicURLNormalizer;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Optional;

/**
 * URL normalisation with crawler-commons' {@link BasicURLNormalizer} (lower-case scheme and
 * host, default ports and fragments removed, path escapes and dot segments normalised, query
 * parameters sorted, common session-id parameters dropped), then a check that the result is an
 * http(s) URL with a host that {@link URI} accepts, since HttpClient needs one.
 */
public final class UrlNormalizer {
  /** Session-id parameters, in the spellings servers use (the filter matches names exactly). */
  private static final List<String> SESSION_PARAMS = List.of("jsessionid", "JSESSIONID",
      "phpsessid", "PHPSESSID", "sid", "SID", "sessionid", "aspsessionid", "ASPSESSIONID",
      "cfid", "CFID", "cftoken", "CFTOKEN");
  private static final BasicURLNormalizer NORMALIZER =
      BasicURLNormalizer.newBuilder().queryParamsToRemove(SESSION_PARAMS).build();

  private UrlNormalizer() {}

  /** The normal form of {@code url}, or empty when it is not a fetchable http(s) URL. */
  public static Optional<String> normalize(String url) {
    if (url == null || url.isBlank()) {
      return Optional.empty();
    }
    String n = NORMALIZER.filter(url.strip());
    if (n == null) {
      return Optional.empty();
    }
    // ;jsessionid=... path parameters survive the query filter.
    int semi = n.toLowerCase(java.util.Locale.ROOT).indexOf(";jsessionid=");
    if (semi >= 0) {
      int end = n.indexOf('?', semi);
      n = n.substring(0, semi) + (end >= 0 ? n.substring(end) : "");
    }
    try {
      URI uri = new URI(n);
      String scheme = uri.getScheme();
      if (uri.getHost() == null || scheme == null
          || !(scheme.equals("http") || scheme.equals("https"))) {
        return Optional.empty();
      }
    } catch (URISyntaxException e) {
      return Optional.empty();
    }
    return Optional.of(n);
  }

  /** {@code href} resolved against {@code base} and normalised. */
  public static Optional<String> resolve(String base, String href) {
    try {
      return normalize(URI.create(base).resolve(href.strip()).toString());
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  /** {@code scheme://host[:port]} of a normalised URL: one crawl task owns one origin. */
  public static String origin(String url) {
    URI u = URI.create(url);
    return u.getScheme() + "://" + u.getRawAuthority();
  }
}
