package org.winnow.ingest.html;

/**
 * Which elements of a page are furniture, decided top-down in one sweep over the element table.
 *
 * <p>An element is furniture when its tag says so ({@code nav}, {@code aside}, {@code form}...)
 * or its names do ({@link ClassHints}), and everything inside furniture is furniture. Comments are
 * furniture wherever they are. Two exceptions keep this from eating the text itself:
 * <ul>
 *   <li>A wrapper, an element holding at least half of the page's prose, is never furniture,
 *       whatever it is called: whole pages sit in a {@code <form>} (ASP.NET), in a
 *       {@code <div class="layout-with-sidebar">}, in a {@code <header>} misused as a box.
 *   <li>A header ({@code <header>}, {@code class="entry-header"}) is left out of the text but not
 *       marked furniture: an article's header holds its lede, which {@link ContentSelector} may
 *       take back.
 * </ul>
 */
final class FurnitureMask {
  /** Share of the page's prose above which an element is a wrapper rather than furniture. */
  private static final double WRAPPER_SHARE = 0.5;
  /** Longer than this, an inline element is text whatever its class says. */
  private static final int INLINE_FURNITURE_MAX_CHARS = 100;

  /** Left out of the main text: furniture, or inside a header. */
  final boolean[] excluded;
  /** Left out for good: menus, share bars, comments, asides... */
  final boolean[] furniture;

  private FurnitureMask(int size) {
    excluded = new boolean[size];
    furniture = new boolean[size];
  }

  static FurnitureMask of(PageModel page, Deadline deadline) {
    FurnitureMask mask = new FurnitureMask(page.size);
    int pageProse = page.proseWeight.length == 0 ? 0 : page.proseWeight[0];
    // Parents come before children, so one forward sweep sees each parent's verdict first.
    for (int id = 1; id < page.size; id++) {
      deadline.tick();
      int up = page.parent[id];
      if (mask.furniture[up]) {
        mask.furniture[id] = true;
        mask.excluded[id] = true;
        continue;
      }
      int hint = page.hints[id];
      if (!page.kind[id].isBlock() && page.textChars[id] > INLINE_FURNITURE_MAX_CHARS) {
        // Bylines, dates and captions are short; a long run of text in a span named like
        // furniture is text whose markup was pasted from elsewhere.
        hint &= ClassHints.CONTENT;
      }
      boolean wrapper = pageProse > 0 && page.proseWeight[id] >= WRAPPER_SHARE * pageProse;
      boolean header = page.tag[id].equals("header") || (hint & ClassHints.HEADER) != 0;
      boolean named = page.kind[id] == TagKind.FURNITURE || (hint & ClassHints.FURNITURE) != 0;
      mask.furniture[id] = (hint & ClassHints.COMMENTS) != 0 || (named && !wrapper && !header);
      mask.excluded[id] = mask.furniture[id] || mask.excluded[up] || (header && !wrapper);
    }
    return mask;
  }
}
