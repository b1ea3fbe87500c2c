package org.winnow.ingest.html;

import org.jsoup.nodes.Attributes;
import org.jsoup.nodes.Element;

/**
 * Whether the page hides an element from a reader: the {@code hidden} attribute,
 * {@code aria-hidden="true"}, an inline {@code display:none} or {@code visibility:hidden}, or one
 * of the utility classes that frameworks use for exactly that ({@code hidden}, {@code d-none},
 * {@code sr-only}...). Style sheets are not evaluated: a page is read as its markup says.
 */
final class Visibility {
  private Visibility() {}

  static boolean isHidden(Element element) {
    if (element.attributesSize() == 0) {
      return false;
    }
    Attributes attributes = element.attributes();
    if (attributes.hasKey("hidden")) {
      return true;
    }
    if ("true".equalsIgnoreCase(attributes.get("aria-hidden").trim())) {
      return true;
    }
    String style = attributes.get("style");
    if (!style.isEmpty() && hiddenByStyle(style)) {
      return true;
    }
    String classes = attributes.get("class");
    return !classes.isEmpty() && hiddenByClass(classes);
  }

  /** Scans the declarations of an inline style once, without building a regex per node. */
  static boolean hiddenByStyle(String style) {
    int start = 0;
    int length = style.length();
    while (start < length) {
      int semicolon = style.indexOf(';', start);
      int end = semicolon < 0 ? length : semicolon;
      int colon = style.indexOf(':', start);
      if (colon > start && colon < end) {
        String property = style.substring(start, colon).trim();
        String value = stripImportant(style.substring(colon + 1, end).trim());
        if (property.equalsIgnoreCase("display") && value.equalsIgnoreCase("none")) {
          return true;
        }
        if (property.equalsIgnoreCase("visibility")
            && (value.equalsIgnoreCase("hidden") || value.equalsIgnoreCase("collapse"))) {
          return true;
        }
      }
      start = end + 1;
    }
    return false;
  }

  private static String stripImportant(String value) {
    int bang = value.indexOf('!');
    return bang < 0 ? value : value.substring(0, bang).trim();
  }

  /**
   * Hiding utility classes. A responsive variant next to them ({@code d-none d-md-block},
   * Tailwind's {@code hidden md:block}) shows the element on some screens, so it is visible.
   */
  static boolean hiddenByClass(String classes) {
    boolean hiding = false;
    int length = classes.length();
    int i = 0;
    while (i < length) {
      while (i < length && Whitespace.isSpace(classes.charAt(i))) {
        i++;
      }
      int start = i;
      while (i < length && !Whitespace.isSpace(classes.charAt(i))) {
        i++;
      }
      if (start == i) {
        break;
      }
      String name = classes.substring(start, i);
      if (name.indexOf(':') >= 0 || (name.startsWith("d-") && !name.equals("d-none"))) {
        return false;
      }
      hiding |= isHidingClass(name);
    }
    return hiding;
  }

  private static boolean isHidingClass(String name) {
    return switch (name) {
      case "hidden", "d-none", "hide", "is-hidden", "u-hidden", "invisible", "sr-only",
          "visually-hidden", "visuallyhidden", "screen-reader-text", "screen-reader-only",
          "element-invisible", "offscreen" -> true;
      default -> false;
    };
  }
}
