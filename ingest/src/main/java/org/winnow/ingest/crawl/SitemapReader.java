package org.winnow.ingest.crawl;

import crawlercommons.sitemaps.AbstractSiteMap;
import crawlercommons.sitemaps.SiteMap;
import crawlercommons.sitemaps.SiteMapIndex;
import crawlercommons.sitemaps.SiteMapParser;
import crawlercommons.sitemaps.SiteMapURL;
import crawlercommons.sitemaps.UnknownFormatException;
import java.io.IOException;
import java.net.URL;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * Reads a host's sitemaps with crawler-commons' {@link SiteMapParser}: sitemap indexes are
 * walked breadth first and gzipped sitemaps are unpacked (by the parser, from the {@code .gz}
 * name or a gzip content type). Each sitemap is fetched through the caller, so it counts against
 * the host's politeness; at most {@code maxSitemaps} are read and {@code maxUrls} URLs kept.
 */
final class SitemapReader {
  private final Function<String, FetchResult> fetch;
  private final int maxSitemaps;
  private final int maxUrls;

  SitemapReader(Function<String, FetchResult> fetch, int maxSitemaps, int maxUrls) {
    this.fetch = fetch;
    this.maxSitemaps = maxSitemaps;
    this.maxUrls = maxUrls;
  }

  /** What a walk found: page URLs, and one line per sitemap that could not be read. */
  record Found(List<String> sitemaps, List<String> urls, List<String> problems) {}

  Found read(List<String> roots) {
    SiteMapParser parser = new SiteMapParser(false);
    Deque<String> queue = new ArrayDeque<>(roots);
    Set<String> seen = new LinkedHashSet<>();
    Set<String> urls = new LinkedHashSet<>();
    List<String> problems = new ArrayList<>();
    while (!queue.isEmpty() && seen.size() < maxSitemaps && urls.size() < maxUrls) {
      String sitemap = queue.poll();
      if (!seen.add(sitemap)) {
        continue;
      }
      FetchResult r = fetch.apply(sitemap);
      if (r.failure().isPresent() || r.status() < 200 || r.status() >= 300) {
        problems.add(sitemap + ": " + (r.failure().isPresent() ? r.detail() : "HTTP " + r.status()));
        continue;
      }
      try {
        String type = r.header("Content-Type").orElse("text/xml");
        AbstractSiteMap map = parser.parseSiteMap(type, r.decoded(), new URL(sitemap));
        if (map instanceof SiteMapIndex index) {
          for (AbstractSiteMap child : index.getSitemaps()) {
            queue.add(child.getUrl().toString());
          }
        } else if (map instanceof SiteMap plain) {
          for (SiteMapURL u : plain.getSiteMapUrls()) {
            if (urls.size() >= maxUrls) {
              break;
            }
            urls.add(u.getUrl().toString());
          }
        }
      } catch (UnknownFormatException | IOException e) {
        problems.add(sitemap + ": " + e.getMessage());
      }
    }
    return new Found(List.copyOf(seen), List.copyOf(urls), problems);
  }
}
