package org.winnow.ingest.html;

import java.util.Locale;

/**
 * Where a link leads, relative to the page it sits on. Links within a site are how a site
 * navigates (menus, tags, related articles); links to other sites inside a text are citations and
 * sources, part of what the text says. Anchors within the page and mail or phone links lead
 * nowhere else at all.
 */
enum LinkTarget {
  /** Not a navigation: no target, an anchor in the same page, mail, phone. */
  NONE,
  /** The same site: relative links, the page's host and its sub- or parent domains, scripts. */
  SITE,
  /** Another site. */
  ELSEWHERE;

  /**
   * Classifies {@code href} for a page on {@code pageHost} (lower case, without {@code www.}; empty
   * when unknown, in which case every link counts as {@link #SITE}).
   */
  static LinkTarget of(String href, String pageHost) {
    String target = href.trim();
    if (target.isEmpty() || target.charAt(0) == '#') {
      return NONE;
    }
    if (startsWithIgnoreCase(target, "mailto:") || startsWithIgnoreCase(target, "tel:")) {
      return NONE;
    }
    String host = hostOf(target);
    if (host == null || pageHost.isEmpty()) {
      return SITE;
    }
    return sameSite(host, pageHost) ? SITE : ELSEWHERE;
  }

  /** The host of an absolute or protocol-relative URL, lower case without {@code www.}. */
  static String hostOf(String url) {
    int start;
    if (url.startsWith("//")) {
      start = 2;
    } else {
      int scheme = url.indexOf("://");
      if (scheme <= 0 || scheme > 10) {
        return null;
      }
      start = scheme + 3;
    }
    int end = start;
    while (end < url.length()) {
      char c = url.charAt(end);
      if (c == '/' || c == '?' || c == '#' || c == ':' || c == '\\') {
        break;
      }
      end++;
    }
    int at = url.lastIndexOf('@', end - 1);
    if (at >= start) {
      start = at + 1;
    }
    String host = url.substring(start, end).toLowerCase(Locale.ROOT);
    return host.startsWith("www.") ? host.substring(4) : host;
  }

  private static boolean sameSite(String a, String b) {
    return a.equals(b) || a.endsWith("." + b) || b.endsWith("." + a);
  }

  private static boolean startsWithIgnoreCase(String s, String prefix) {
    return s.regionMatches(true, 0, prefix, 0, prefix.length());
  }
}
