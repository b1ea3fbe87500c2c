package org.winnow.ingest.url;

import crawlercommons.domains.EffectiveTldFinder;
import java.util.Locale;
import java.util.Optional;

/**
 * The registered domain of a URL (public suffix plus one label, {@code www.bbc.co.uk} gives
 * {@code bbc.co.uk}) by crawler-commons' copy of the public-suffix list, private suffixes
 * included, so each {@code *.github.io} or {@code *.blogspot.com} site is a domain of its own.
 * IP addresses, single-label hosts and hosts under an unknown suffix are their own domain.
 *
 * <p>Hosts are taken from the URL text leniently rather than with {@link java.net.URI}, which
 * refuses many URLs real crawls contain (spaces, braces, raw non-ASCII).
 */
public final class RegisteredDomain {
  private RegisteredDomain() {}

  /** The registered domain of {@code url}'s host, or empty when the URL has no host. */
  public static Optional<String> of(String url) {
    return host(url).map(RegisteredDomain::ofHost);
  }

  /** The lower-case host of a hierarchical URL ({@code scheme://[userinfo@]host[:port]/...}). */
  public static Optional<String> host(String url) {
    int scheme = url.indexOf("://");
    if (scheme <= 0) {
      return Optional.empty();
    }
    int start = scheme + 3;
    int end = start;
    while (end < url.length() && "/?#\\".indexOf(url.charAt(end)) < 0) {
      end++;
    }
    String authority = url.substring(start, end);
    authority = authority.substring(authority.lastIndexOf('@') + 1);
    String host;
    if (authority.startsWith("[")) {
      int close = authority.indexOf(']');
      host = close > 0 ? authority.substring(0, close + 1) : authority;
    } else {
      int colon = authority.indexOf(':');
      host = colon >= 0 ? authority.substring(0, colon) : authority;
    }
    while (host.endsWith(".")) {
      host = host.substring(0, host.length() - 1);
    }
    host = host.toLowerCase(Locale.ROOT);
    return host.isEmpty() ? Optional.empty() : Optional.of(host);
  }

  static String ofHost(String host) {
    if (host.startsWith("[") || isIpv4(host)) {
      return host;
    }
    String domain = EffectiveTldFinder.getAssignedDomain(host, true, false);
    return domain == null || domain.isEmpty() ? host : domain;
  }

  private static boolean isIpv4(String host) {
    int dots = 0;
    for (int i = 0; i < host.length(); i++) {
      char c = host.charAt(i);
      if (c == '.') {
        dots++;
      } else if (c < '0' || c > '9') {
        return false;
      }
    }
    return dots == 3;
  }
}
