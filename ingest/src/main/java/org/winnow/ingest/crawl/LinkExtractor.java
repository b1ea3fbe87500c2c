package org.winnow.ingest.crawl;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * The outlinks of an HTML page, with jsoup: {@code a[href]} and {@code link[rel=canonical]},
 * resolved against {@code <base href>} when the page has one (jsoup applies it to the document's
 * base URI), normalised, without duplicates. Links marked {@code rel=nofollow}, and all links of
 * a page whose robots meta tag says {@code nofollow}, are left out unless told otherwise.
 */
public final class LinkExtractor {
  private LinkExtractor() {}

  /**
   * @param html     the decoded body
   * @param charset  the charset from Content-Type, or null to let jsoup sniff it
   * @param pageUrl  the URL the page was fetched from
   */
  public static List<String> links(byte[] html, String charset, String pageUrl,
      boolean followNofollow) {
    Document doc;
    try {
      doc = Jsoup.parse(new ByteArrayInputStream(html), charset, pageUrl);
    } catch (IOException | RuntimeException e) {
      // An unknown charset name: read it as UTF-8 rather than lose the page's links.
      try {
        doc = Jsoup.parse(new ByteArrayInputStream(html), "UTF-8", pageUrl);
      } catch (IOException e2) {
        return List.of();
      }
    }
    if (!followNofollow) {
      for (Element meta : doc.select("meta[name=robots]")) {
        String content = meta.attr("content").toLowerCase(Locale.ROOT);
        if (content.contains("nofollow") || content.contains("none")) {
          return List.of();
        }
      }
    }
    Set<String> out = new LinkedHashSet<>();
    for (Element a : doc.select("a[href], area[href], link[rel=canonical][href]")) {
      if (!followNofollow && a.tagName().equals("a")
          && a.attr("rel").toLowerCase(Locale.ROOT).contains("nofollow")) {
        continue;
      }
      String abs = a.absUrl("href");
      if (abs.isEmpty()) {
        continue;
      }
      Optional<String> n = UrlNormalizer.normalize(abs);
      n.ifPresent(out::add);
    }
    return List.copyOf(out);
  }
}
