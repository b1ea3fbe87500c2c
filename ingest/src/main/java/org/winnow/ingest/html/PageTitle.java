package org.winnow.ingest.html;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/** The title of a page: {@code <title>}, else {@code og:title}, else the first {@code <h1>}. */
final class PageTitle {
  private PageTitle() {}

  static String of(Document document) {
    String title = collapse(document.title());
    if (!title.isEmpty()) {
      return title;
    }
    Element head = document.head();
    if (head != null) {
      for (Element meta : head.getElementsByTag("meta")) {
        String property = meta.attr("property");
        if (property.isEmpty()) {
          property = meta.attr("name");
        }
        if (property.equalsIgnoreCase("og:title")) {
          String content = collapse(meta.attr("content"));
          if (!content.isEmpty()) {
            return content;
          }
        }
      }
    }
    Element h1 = document.selectFirst("h1");
    return h1 == null ? "" : collapse(h1.text());
  }

  static String collapse(String s) {
    StringBuilder out = new StringBuilder(s.length());
    boolean pendingSpace = false;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Whitespace.isSpace(c)) {
        pendingSpace = out.length() > 0;
      } else {
        if (pendingSpace) {
          out.append(' ');
          pendingSpace = false;
        }
        out.append(c);
      }
    }
    return out.toString();
  }
}
