package org.winnow.dedup.exact;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Arrays;
import java.util.Locale;

/**
 * The form of a URL under which two captures are the same page: scheme and host lower-cased, a
 * leading {@code www.} and the default port dropped, the fragment dropped (it never reaches the
 * server), an empty path or a trailing slash removed, query parameters sorted. A string that is
 * not a parseable URI is only trimmed and lower-cased, so it still has a stable key.
 */
public final class UrlNormalizer {
  private UrlNormalizer() {}

  public static String normalize(String url) {
    String trimmed = url.strip();
    URI u;
    try {
      u = new URI(trimmed);
    } catch (URISyntaxException e) {
      return trimmed.toLowerCase(Locale.ROOT);
    }
    if (u.getScheme() == null || u.getRawAuthority() == null) {
      return trimmed.toLowerCase(Locale.ROOT);
    }
    String scheme = u.getScheme().toLowerCase(Locale.ROOT);
    String host = u.getHost() == null ? u.getRawAuthority() : u.getHost();
    host = host.toLowerCase(Locale.ROOT);
    if (host.startsWith("www.")) {
      host = host.substring(4);
    }
    int port = u.getPort();
    boolean defaultPort = port == -1 || (scheme.equals("http") && port == 80)
        || (scheme.equals("https") && port == 443);
    String path = u.getRawPath() == null ? "" : u.getRawPath();
    while (path.endsWith("/")) {
      path = path.substring(0, path.length() - 1);
    }
    StringBuilder sb = new StringBuilder(scheme.replace("https", "http")).append("://").append(host);
    if (!defaultPort) {
      sb.append(':').append(port);
    }
    sb.append(path);
    String query = u.getRawQuery();
    if (query != null && !query.isEmpty()) {
      String[] params = query.split("&");
      Arrays.sort(params);
      sb.append('?').append(String.join("&", params));
    }
    return sb.toString();
  }
}
