package org.winnow.ingest.html;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jsoup.nodes.Attributes;
import org.jsoup.nodes.Element;

/**
 * What an element's {@code class}, {@code id}, {@code role} and {@code itemprop} say about it.
 * Web authors name their boxes after what they hold ({@code share-buttons}, {@code comment-list},
 * {@code entry-content}) in every language of the web, mostly with English words, so these names
 * are the cheapest strong signal there is.
 *
 * <p>A name is split into words ({@code jp-relatedPosts} gives {@code jp}, {@code related},
 * {@code posts}). A furniture word outweighs a content word, within a name ({@code post-meta},
 * {@code caption-text}, {@code related-posts}) and across the names of an element
 * ({@code main-box related-box}). Three kinds of names are not read as hints: taxonomy terms that
 * blogs set on a post ({@code tag-news}, {@code category-sport}), states ({@code has-sidebar},
 * {@code no-comments}) and BEM modifiers ({@code section--has-ads}).
 *
 * <p>One instance reads one page: it remembers the class lists it has seen.
 */
final class ClassHints {
  /** Names the element as main content ({@code entry-content}, {@code article-body}). */
  static final int CONTENT = 1;
  /** Names the element as page furniture (menus, share bars, related links, bylines). */
  static final int FURNITURE = 2;
  /** Names the element as user comments, which are never the main text. */
  static final int COMMENTS = 4;
  /**
   * Names the element as a header: of the page (furniture) or of the article (title, lede,
   * byline), which only its place relative to the main text tells apart.
   */
  static final int HEADER = 8;
  /** Any hint that the element is not main text. */
  static final int NOT_CONTENT = FURNITURE | COMMENTS | HEADER;

  private static final Map<String, Integer> WORDS = new HashMap<>();
  private static final String[] FURNITURE_PREFIXES = {
    "nav", "menu", "footer", "sidebar", "breadcrumb", "share", "sharing", "social", "related",
    "recommend", "cookie", "consent", "newsletter", "subscri", "advert", "sponsor", "promo",
    "pagination", "banner", "tagcloud", "shariff", "addthis", "addtoany", "outbrain",
    "taboola", "plista"
  };
  private static final String[] FURNITURE_SUFFIXES = {
    "nav", "menu", "footer", "sidebar", "share", "navbar", "toolbar", "topbar", "sharebar"
  };
  private static final Set<String> QUALIFIERS =
      Set.of("has", "with", "without", "no", "show", "hide", "enable", "enabled", "disable",
          "disabled", "allow", "contains", "is");
  private static final Set<String> TAXONOMY = Set.of("tag", "category", "cat");
  private static final String[] COMMENT_PREFIXES = {"comment", "disqus", "pingback", "trackback"};

  static {
    words(CONTENT, "article", "articlebody", "content", "entry", "main", "maincontent", "post",
        "postbody", "story", "storybody", "text", "body", "hentry", "prose", "richtext",
        "markdown");
    words(FURNITURE, "nav", "navi", "navbar", "navigation", "menu", "menus", "submenu",
        "megamenu", "dropdown", "hamburger", "offcanvas", "drawer", "breadcrumb", "breadcrumbs",
        "crumbs", "footer", "foot", "masthead", "topbar", "sidebar", "side", "aside",
        "cookie", "cookies", "consent", "gdpr", "banner", "share", "shares",
        "sharing", "social", "related", "similar", "recommended", "recommendations", "popular",
        "trending", "recent", "promo", "promoted", "ad", "ads", "adv", "advert", "advertisement",
        "advertising", "adsbygoogle", "sponsor", "sponsored", "newsletter", "subscribe",
        "subscription", "signup", "login", "signin", "popup", "modal", "overlay", "pagination",
        "pager", "paging", "tag", "tags", "tagged", "taglist", "categories", "category", "meta",
        "postmeta", "byline", "author", "authors", "bio", "avatar", "date", "dateline", "time",
        "timestamp", "published", "posted", "caption", "credit", "credits", "copyright", "print",
        "noprint", "toolbar", "tools", "rating", "ratings", "vote", "poll", "survey", "feedback",
        "skip", "toc", "search", "logo", "button", "btn", "follow", "links", "navbox",
        "catlinks", "editsection");
    words(HEADER, "header", "head");
    words(COMMENTS, "comment", "comments", "respond", "reply", "replies", "disqus",
        "discussion", "pingback", "pingbacks", "trackback", "trackbacks");
  }

  private final Map<String, Integer> classCache = new HashMap<>();
  private final Map<String, Integer> nameCache = new HashMap<>();

  private static void words(int hint, String... list) {
    for (String word : list) {
      WORDS.put(word, hint);
    }
  }

  /**
   * The hint of one element: {@link #COMMENTS}, {@link #FURNITURE}, {@link #CONTENT},
   * {@link #HEADER} or 0.
   */
  int of(Element element, TagKind kind) {
    if (element.attributesSize() == 0) {
      return 0;
    }
    Attributes attributes = element.attributes();
    String classes = attributes.get("class");
    int hints = classes.isEmpty() ? 0 : ofClasses(classes);
    String id = attributes.get("id");
    // A heading's id is an anchor made from its own words ("nav_nur_die_folie"), not a name.
    if (!id.isEmpty() && kind != TagKind.HEADING) {
      hints |= ofName(id, 0, id.length());
    }
    hints |= ofRole(attributes.get("role"));
    hints |= ofItemprop(attributes.get("itemprop"));
    return resolve(hints);
  }

  /**
   * Templates repeat a few class lists on hundreds of elements, and a few names across lists;
   * each is read once per page.
   */
  private int ofClasses(String classes) {
    Integer cached = classCache.get(classes);
    if (cached != null) {
      return cached;
    }
    int hints = 0;
    int start = 0;
    int length = classes.length();
    while (start < length) {
      int end = start;
      while (end < length && !Whitespace.isSpace(classes.charAt(end))) {
        end++;
      }
      if (end > start) {
        // Lists differ by one name (menu-item-1234) far more often than names do.
        String name = classes.substring(start, end);
        Integer known = nameCache.get(name);
        int hint = known != null ? known : ofName(name, 0, name.length());
        if (known == null) {
          nameCache.put(name, hint);
        }
        hints |= hint;
      }
      start = end + 1;
    }
    classCache.put(classes, hints);
    return hints;
  }

  private static int resolve(int hints) {
    if ((hints & COMMENTS) != 0) {
      return COMMENTS;
    }
    if ((hints & FURNITURE) != 0) {
      return FURNITURE;
    }
    if ((hints & CONTENT) != 0) {
      return CONTENT;
    }
    return hints & HEADER;
  }

  /** The hint of one class name or id. */
  private static int ofName(String s, int start, int end) {
    int found = 0;
    int i = start;
    while (i < end) {
      while (i < end && !Character.isLetterOrDigit(s.charAt(i))) {
        if (s.startsWith("--", i)) {
          // A BEM modifier (block__element--modifier) says how the box looks or what it has
          // (section--has-ads), not what it is.
          return verdict(found);
        }
        i++;
      }
      int wordStart = i;
      while (i < end && Character.isLetterOrDigit(s.charAt(i))) {
        if (i > wordStart && Character.isUpperCase(s.charAt(i))
            && Character.isLowerCase(s.charAt(i - 1))) {
          break;
        }
        i++;
      }
      if (i > wordStart) {
        String word = s.substring(wordStart, i).toLowerCase(Locale.ROOT);
        if (QUALIFIERS.contains(word)) {
          // "has-sidebar", "no-comments", "with-ads": a state of the box, not its content.
          break;
        }
        if (wordStart == start && i < end && TAXONOMY.contains(word)) {
          // "tag-news", "category-sport": the terms a post is filed under, set on the post.
          return 0;
        }
        found |= ofWord(word);
      }
    }
    return verdict(found);
  }

  private static int verdict(int found) {
    if ((found & COMMENTS) != 0) {
      return COMMENTS;
    }
    if ((found & FURNITURE) != 0) {
      return FURNITURE;
    }
    if ((found & HEADER) != 0) {
      return HEADER;
    }
    return found & CONTENT;
  }

  private static int ofWord(String word) {
    Integer hint = WORDS.get(word);
    if (hint != null) {
      return hint;
    }
    if (word.length() < 5) {
      return 0;
    }
    for (String prefix : COMMENT_PREFIXES) {
      if (word.startsWith(prefix) && !word.startsWith("commentar")) {
        return COMMENTS;
      }
    }
    for (String prefix : FURNITURE_PREFIXES) {
      if (word.startsWith(prefix)) {
        return FURNITURE;
      }
    }
    for (String suffix : FURNITURE_SUFFIXES) {
      if (word.endsWith(suffix)) {
        return FURNITURE;
      }
    }
    return 0;
  }

  private static int ofRole(String role) {
    return switch (role.trim().toLowerCase(Locale.ROOT)) {
      case "" -> 0;
      case "main", "article" -> CONTENT;
      case "navigation", "banner", "contentinfo", "complementary", "search", "menu", "menubar",
          "toolbar", "dialog", "alertdialog", "tablist" -> FURNITURE;
      case "comment" -> COMMENTS;
      default -> 0;
    };
  }

  private static int ofItemprop(String itemprop) {
    return switch (itemprop.trim()) {
      case "" -> 0;
      case "articleBody", "reviewBody", "text" -> CONTENT;
      case "comment" -> COMMENTS;
      case "author", "datePublished", "dateModified", "publisher" -> FURNITURE;
      default -> 0;
    };
  }
}
