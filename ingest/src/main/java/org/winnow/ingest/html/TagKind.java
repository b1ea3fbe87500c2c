package org.winnow.ingest.html;

import java.util.HashMap;
import java.util.Map;

/** What an HTML element means for text extraction, by tag name alone. */
enum TagKind {
  /** Never rendered as text (code, media, form controls): skipped with everything inside. */
  IGNORED(false),
  /** Page furniture by its very tag (navigation, page header and footer, forms, asides). */
  FURNITURE(true),
  HEADING(true),
  PARAGRAPH(true),
  LIST_ITEM(true),
  CELL(true),
  PREFORMATTED(true),
  QUOTE(true),
  LIST(true),
  TABLE(true),
  ROW(true),
  /** Any other element that breaks the flow of text: div, section, article, body... */
  SECTION(true),
  BREAK(false),
  LINK(false),
  INLINE(false);

  private static final Map<String, TagKind> BY_NAME = new HashMap<>();

  static {
    put(IGNORED, "script", "style", "noscript", "template", "iframe", "frame", "frameset", "svg",
        "math", "object", "embed", "applet", "canvas", "video", "audio", "source", "track", "map",
        "head", "title", "meta", "link", "base", "select", "button", "input", "textarea", "option",
        "optgroup", "datalist", "label", "output", "progress", "meter", "param", "rp", "rt");
    // figcaption: captions and photo credits sit beside the text rather than in it.
    put(FURNITURE, "nav", "header", "footer", "aside", "form", "menu", "dialog", "figcaption");
    put(HEADING, "h1", "h2", "h3", "h4", "h5", "h6");
    put(PARAGRAPH, "p", "summary", "caption");
    put(LIST_ITEM, "li", "dt", "dd");
    put(CELL, "td", "th");
    put(PREFORMATTED, "pre", "listing", "plaintext", "xmp");
    put(QUOTE, "blockquote");
    put(LIST, "ul", "ol", "dl", "dir");
    put(TABLE, "table");
    put(ROW, "tr");
    put(SECTION, "html", "body", "div", "section", "article", "main", "center", "address",
        "hgroup", "fieldset", "legend", "figure", "details", "tbody", "thead", "tfoot", "hr",
        "noframes");
    put(BREAK, "br");
    put(LINK, "a");
  }

  private final boolean block;

  TagKind(boolean block) {
    this.block = block;
  }

  private static void put(TagKind kind, String... names) {
    for (String name : names) {
      BY_NAME.put(name, kind);
    }
  }

  /** The kind of a tag given by jsoup's normalised (lower-case) name; unknown tags are inline. */
  static TagKind of(String normalName) {
    return BY_NAME.getOrDefault(normalName, INLINE);
  }

  /** Whether the element starts and ends a block of text. */
  boolean isBlock() {
    return block;
  }
}
