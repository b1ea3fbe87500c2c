package org.winnow.jobs.quickstart;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Renders a Europarl document as the kind of page a crawler finds: the article among site
 * navigation, a header, a cookie banner, breadcrumbs, related links, a share bar, a footer and a
 * hidden pop-up. Three layouts and their details vary with the document's index, so the
 * extraction being tested meets several page shapes rather than one fixed wrapper, and the same
 * document always renders to the same bytes.
 */
public final class PageRenderer {
  /** The fictional site; {@code .example} is reserved and never resolves. */
  public static final String HOST = "europarl.example";
  private static final String SITE = "Europarl Example";
  private static final long SEED = 0x5EED_E0A1L;

  private static final List<String[]> NAV = List.of(
      new String[] {"Home", "Plenary", "Debates", "Committees", "News", "Press room", "About"},
      new String[] {"Home", "MEPs", "Debates", "Texts adopted", "Agenda", "Contact"},
      new String[] {"Start", "Sessions", "Debates", "Votes", "Documents", "Newsroom", "Help"});
  private static final List<String> COOKIES = List.of(
      "We use cookies to give you the best experience on our website. By continuing to browse, "
          + "you agree to our use of cookies.",
      "This site uses analytics cookies to measure how pages are used. You can accept or refuse "
          + "them at any time in the privacy settings.",
      "Cookies help us deliver our services. Essential cookies are always on; choose whether to "
          + "allow the others.");
  private static final List<String> HIDDEN = List.of(
      "Subscribe to our newsletter and never miss a plenary session. Enter your e-mail address "
          + "below and confirm the link we send you.",
      "Your session is about to expire. Click here to stay signed in to your account.",
      "Download our app for live streams of every debate, with subtitles in 24 languages.");
  private static final String[] SHARE = {"Facebook", "X", "LinkedIn", "E-mail", "Print"};

  private PageRenderer() {}

  /** The page's URL: the sitting's date and a slug of the title, made unique by the index. */
  public static String urlOf(EuroparlDocument doc) {
    return "https://" + HOST + "/debates/" + doc.date() + "/" + slug(doc.title()) + "-"
        + doc.index() + ".html";
  }

  /**
   * The page's HTML.
   *
   * @param related a few other documents, linked from the page as related debates
   */
  public static String render(EuroparlDocument doc, List<EuroparlDocument> related) {
    SplittableRandom rnd = new SplittableRandom(SEED ^ (doc.index() * 0x9E3779B97F4A7C15L));
    int layout = doc.index() % 3;
    Parts p = new Parts(doc, related, rnd);
    StringBuilder sb = new StringBuilder(4096 + doc.text().length() * 2);
    sb.append("<!DOCTYPE html>\n<html>\n<head>\n");
    sb.append(rnd.nextInt(4) == 0
        ? "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=utf-8\">\n"
        : "<meta charset=\"utf-8\">\n");
    sb.append("<title>").append(esc(doc.title())).append(" | ").append(SITE).append("</title>\n");
    sb.append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    sb.append("<link rel=\"stylesheet\" href=\"/static/site-").append(layout).append(".css\">\n");
    sb.append("<script>window.dataLayer = window.dataLayer || []; "
        + "dataLayer.push({page: 'debate'});</script>\n");
    sb.append("</head>\n");
    switch (layout) {
      case 0 -> classic(sb, p);
      case 1 -> columns(sb, p);
      default -> magazine(sb, p);
    }
    sb.append("</html>\n");
    return sb.toString();
  }

  /** Header, nav and breadcrumbs on top; article, share bar, related list; banner first. */
  private static void classic(StringBuilder sb, Parts p) {
    sb.append("<body class=\"debate\">\n");
    sb.append(p.cookieBanner("cookie-banner"));
    sb.append("<header class=\"site-header\"><a class=\"logo\" href=\"/\">").append(SITE)
        .append("</a><form class=\"search\" action=\"/search\"><input name=\"q\" "
            + "placeholder=\"Search\"><button>Search</button></form></header>\n");
    sb.append("<nav class=\"main-nav\"><ul>").append(p.navItems("<li>", "</li>"))
        .append("</ul></nav>\n");
    sb.append(p.breadcrumbs());
    sb.append("<main id=\"content\">\n<article>\n").append(p.articleBody("p")).append("</article>\n");
    sb.append(p.shareBar());
    sb.append(p.relatedList("aside", "Related debates"));
    sb.append("</main>\n");
    sb.append(p.hiddenBlock());
    sb.append(p.footer());
    sb.append("</body>\n");
  }

  /** Table-free two-column div layout: sidebar before the article, banner at the bottom. */
  private static void columns(StringBuilder sb, Parts p) {
    sb.append("<body>\n<div id=\"wrapper\">\n");
    sb.append("<div id=\"top\"><div class=\"brand\"><a href=\"/\"><img src=\"/img/logo.png\" alt=\"")
        .append(SITE).append("\"></a></div>\n");
    sb.append("<div class=\"menu\">").append(p.navItems("", " | ")).append("</div></div>\n");
    sb.append("<div class=\"col-left\">\n").append(p.relatedList("div", "See also"))
        .append("</div>\n");
    sb.append("<div class=\"col-right\">\n").append(p.breadcrumbs());
    sb.append("<div class=\"article\">\n").append(p.articleBody("div")).append("</div>\n");
    sb.append(p.shareBar()).append("</div>\n");
    sb.append(p.hiddenBlock());
    sb.append(p.footer());
    sb.append("</div>\n");
    sb.append(p.cookieBanner("consent"));
    sb.append("</body>\n");
  }

  /** Sections with the share bar above the article and the related links after the footer nav. */
  private static void magazine(StringBuilder sb, Parts p) {
    sb.append("<body class=\"layout-magazine\">\n");
    sb.append("<header><div class=\"masthead\"><span class=\"site-name\">").append(SITE)
        .append("</span> <span class=\"tagline\">Debates of the European Parliament</span></div>\n");
    sb.append("<nav aria-label=\"Main\">").append(p.navItems("", " ")).append("</nav></header>\n");
    sb.append(p.cookieBanner("gdpr-notice"));
    sb.append("<section class=\"page\">\n").append(p.shareBar());
    sb.append("<section class=\"story\">\n").append(p.articleBody("p")).append("</section>\n");
    sb.append("</section>\n");
    sb.append(p.hiddenBlock());
    sb.append(p.relatedList("section", "More from this sitting"));
    sb.append(p.footer());
    sb.append("</body>\n");
  }

  /** The page's pieces, with the seeded choices that vary them. */
  private static final class Parts {
    private final EuroparlDocument doc;
    private final List<EuroparlDocument> related;
    private final SplittableRandom rnd;
    private final String[] nav;

    Parts(EuroparlDocument doc, List<EuroparlDocument> related, SplittableRandom rnd) {
      this.doc = doc;
      this.related = related;
      this.rnd = rnd;
      this.nav = NAV.get(rnd.nextInt(NAV.size()));
    }

    String cookieBanner(String id) {
      return "<div id=\"" + id + "\" class=\"cookie-banner\" role=\"dialog\"><p>"
          + COOKIES.get(rnd.nextInt(COOKIES.size()))
          + " <a href=\"/privacy\">Privacy policy</a></p><button class=\"accept\">Accept all"
          + "</button> <button class=\"settings\">Settings</button></div>\n";
    }

    String navItems(String open, String close) {
      StringBuilder sb = new StringBuilder();
      for (String item : nav) {
        String href = "/" + slug(item) + "/";
        sb.append(open).append("<a href=\"").append(href).append("\">").append(item)
            .append("</a>").append(close);
      }
      return sb.toString();
    }

    String breadcrumbs() {
      return "<div class=\"breadcrumbs\"><a href=\"/\">Home</a> &rsaquo; <a href=\"/debates/\">"
          + "Debates</a> &rsaquo; <a href=\"/debates/" + doc.date() + "/\">" + doc.date()
          + "</a></div>\n";
    }

    String articleBody(String paragraphTag) {
      StringBuilder sb = new StringBuilder();
      sb.append("<h1>").append(esc(doc.title())).append("</h1>\n");
      sb.append("<p class=\"meta\">Sitting of <time datetime=\"").append(doc.date()).append("\">")
          .append(doc.date()).append("</time></p>\n");
      String cls = rnd.nextBoolean() ? " class=\"speech\"" : "";
      for (String para : doc.paragraphs()) {
        sb.append('<').append(paragraphTag).append(cls).append('>').append(esc(para))
            .append("</").append(paragraphTag).append(">\n");
      }
      return sb.toString();
    }

    String shareBar() {
      StringBuilder sb = new StringBuilder("<div class=\"share-bar\"><span>Share this page:</span>");
      for (String s : SHARE) {
        sb.append(" <a class=\"share-").append(slug(s)).append("\" href=\"/share?to=")
            .append(slug(s)).append("\">").append(s).append("</a>");
      }
      return sb.append("</div>\n").toString();
    }

    String relatedList(String tag, String heading) {
      StringBuilder sb = new StringBuilder();
      sb.append('<').append(tag).append(" class=\"related\"><h2>").append(heading).append("</h2><ul>");
      for (EuroparlDocument r : related) {
        sb.append("<li><a href=\"").append(urlOf(r)).append("\">").append(esc(shorten(r.title())))
            .append("</a> <span class=\"date\">").append(r.date()).append("</span></li>");
      }
      return sb.append("</ul></").append(tag).append(">\n").toString();
    }

    String hiddenBlock() {
      String style = rnd.nextBoolean() ? "display:none" : "display: none;";
      return "<div class=\"popup\" style=\"" + style + "\"><p>" + HIDDEN.get(rnd.nextInt(HIDDEN.size()))
          + "</p></div>\n";
    }

    String footer() {
      int year = 2024 - rnd.nextInt(3);
      return "<footer class=\"site-footer\"><ul><li><a href=\"/legal\">Legal notice</a></li>"
          + "<li><a href=\"/privacy\">Privacy</a></li><li><a href=\"/accessibility\">Accessibility"
          + "</a></li><li><a href=\"/contact\">Contact</a></li></ul><p>&copy; " + year + " " + SITE
          + ". All rights reserved.</p></footer>\n";
    }
  }

  /** ASCII slug of a title: accents dropped, other characters as hyphens, at most 60 chars. */
  static String slug(String s) {
    String ascii = Normalizer.normalize(s, Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
    String slug = ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-")
        .replaceAll("^-+|-+$", "");
    if (slug.length() > 60) {
      slug = slug.substring(0, 60).replaceAll("-+$", "");
    }
    return slug.isEmpty() ? "item" : slug;
  }

  private static String shorten(String title) {
    return title.length() <= 90 ? title : title.substring(0, 87).strip() + "...";
  }

  /** HTML-escapes text for element content and double-quoted attributes. */
  static String esc(String s) {
    StringBuilder sb = new StringBuilder(s.length() + 16);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '&' -> sb.append("&amp;");
        case '<' -> sb.append("&lt;");
        case '>' -> sb.append("&gt;");
        case '"' -> sb.append("&quot;");
        default -> sb.append(c);
      }
    }
    return sb.toString();
  }
}
