package org.winnow.ingest.crawl;

import java.io.Serializable;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Rules against crawler traps, URL spaces with no end: over-long URLs, over-deep paths, paths
 * that repeat a segment ({@code /a/b/a/b/a/b}, the relative-link loop), and generated families of
 * pages such as an endless calendar ({@code /cal/2026/11}, {@code /cal/2026/12}, ...), which share
 * a {@linkplain #shape(String) shape} and are capped per host, as are a host's pages in all.
 *
 * @param maxUrlLength      longest URL accepted, in characters
 * @param maxPathDepth      most path segments
 * @param maxSegmentRepeats most times one path segment may occur in a path
 * @param maxPagesPerShape  most URLs of one host with the same shape
 * @param maxPagesPerHost   most URLs admitted to the frontier per host
 */
public record TrapRules(int maxUrlLength, int maxPathDepth, int maxSegmentRepeats,
    int maxPagesPerShape, int maxPagesPerHost) implements Serializable {
  private static final long serialVersionUID = 1L;

  public TrapRules {
    if (maxUrlLength <= 0 || maxPathDepth <= 0 || maxSegmentRepeats <= 0
        || maxPagesPerShape <= 0 || maxPagesPerHost <= 0) {
      throw new IllegalArgumentException("trap limits must be > 0, got " + maxUrlLength + ", "
          + maxPathDepth + ", " + maxSegmentRepeats + ", " + maxPagesPerShape + ", "
          + maxPagesPerHost);
    }
  }

  public static TrapRules defaults() {
    return new TrapRules(1024, 16, 3, 1000, 100_000);
  }

  /** Why {@code url} on its own is a trap, or empty when it is not. */
  public Optional<String> check(String url) {
    if (url.length() > maxUrlLength) {
      return Optional.of("URL of " + url.length() + " characters > " + maxUrlLength);
    }
    String path = path(url);
    String[] segments = path.split("/");
    int depth = 0;
    Map<String, Integer> seen = new HashMap<>();
    for (String s : segments) {
      if (s.isEmpty()) {
        continue;
      }
      depth++;
      int n = seen.merge(s, 1, Integer::sum);
      if (n > maxSegmentRepeats) {
        return Optional.of("path segment '" + s + "' repeated " + n + " times");
      }
    }
    if (depth > maxPathDepth) {
      return Optional.of("path depth " + depth + " > " + maxPathDepth);
    }
    return Optional.empty();
  }

  /**
   * The URL with every run of digits replaced by {@code #}, query values included: pages a
   * generator makes by counting (dates, page numbers, ids) share one shape.
   */
  public static String shape(String url) {
    StringBuilder b = new StringBuilder(url.length());
    boolean inDigits = false;
    for (int i = 0; i < url.length(); i++) {
      char c = url.charAt(i);
      if (c >= '0' && c <= '9') {
        if (!inDigits) {
          b.append('#');
        }
        inDigits = true;
      } else {
        b.append(c);
        inDigits = false;
      }
    }
    return b.toString();
  }

  private static String path(String url) {
    int scheme = url.indexOf("://");
    int start = url.indexOf('/', scheme < 0 ? 0 : scheme + 3);
    if (start < 0) {
      return "";
    }
    int end = url.length();
    int q = url.indexOf('?', start);
    if (q >= 0) {
      end = q;
    }
    return url.substring(start, end);
  }
}
