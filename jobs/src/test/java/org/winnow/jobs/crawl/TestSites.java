package org.winnow.jobs.crawl;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.winnow.jobs.crawl.site.LoopbackSite.Page;

/** Generated sites for crawl job tests: article pages with prose, a calendar trap, a private page. */
final class TestSites {
  static final int ARTICLES_A = 8;
  static final int ARTICLES_B = 5;
  static final int CALENDAR_MONTHS = 30;

  private static final String[] WORDS = ("the council agreed that member states should report "
      + "their progress on water quality before the end of next year while the committee "
      + "noted that several regions still lack the means to monitor rivers and lakes and "
      + "asked the commission to propose a simpler procedure for small towns").split(" ");

  private TestSites() {}

  /** Host A: articles linking to each other and to host B, a private page, a calendar. */
  static Map<String, List<Page>> twoHosts(String hostA, String hostB, String originB) {
    Map<String, List<Page>> hosts = new LinkedHashMap<>();
    List<Page> a = new ArrayList<>();
    for (int i = 1; i <= ARTICLES_A; i++) {
      String links = "<a href=\"" + article(i % ARTICLES_A + 1) + "\">next</a> "
          + "<a href=\"/private/notes\">notes</a> <a href=\"/calendar/2026-01\">calendar</a> "
          + "<a href=\"http://example.org/elsewhere\">elsewhere</a> "
          + "<a href=\"" + originB + article(i % ARTICLES_B + 1) + "\">partner</a>";
      a.add(Page.html(article(i), article("Article " + i, i, links)));
    }
    a.add(Page.html("/private/notes", article("Notes", 99, "")));
    for (int m = 0; m < CALENDAR_MONTHS; m++) {
      StringBuilder links = new StringBuilder();
      for (int k = 1; k <= 12; k++) {
        links.append("<a href=\"").append(month(m + k)).append("\">later</a> ");
      }
      a.add(Page.html(month(m), article("Calendar", 1000 + m, links.toString())));
    }
    hosts.put(hostA, a);
    List<Page> b = new ArrayList<>();
    for (int i = 1; i <= ARTICLES_B; i++) {
      b.add(Page.html(article(i), article("Partner article " + i, 500 + i,
          "<a href=\"" + article(i % ARTICLES_B + 1) + "\">next</a>")));
    }
    hosts.put(hostB, b);
    return hosts;
  }

  /** Article paths are words, not numbers: numbered pages would share a trap shape. */
  static String article(int i) {
    return "/article/" + WORDS[i] + "-" + WORDS[i + 10];
  }

  static String month(int m) {
    return String.format("/calendar/%d-%02d", 2026 + m / 12, m % 12 + 1);
  }

  /** A page with a few paragraphs of prose, so ingest keeps it. */
  static String article(String title, long seed, String links) {
    SplittableRandom r = new SplittableRandom(seed);
    StringBuilder body = new StringBuilder();
    for (int p = 0; p < 4; p++) {
      body.append("<p>");
      for (int s = 0; s < 5; s++) {
        StringBuilder sentence = new StringBuilder();
        int n = 12 + r.nextInt(10);
        for (int w = 0; w < n; w++) {
          sentence.append(w == 0 ? "" : " ").append(WORDS[r.nextInt(WORDS.length)]);
        }
        sentence.setCharAt(0, Character.toUpperCase(sentence.charAt(0)));
        body.append(sentence).append(". ");
      }
      body.append("</p>");
    }
    return "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + title
        + "</title></head><body><nav>" + links + "</nav><article><h1>" + title + "</h1>"
        + body + "</article></body></html>";
  }
}
