package org.winnow.ingest.html;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds teasers: excerpts of other pages that a page lists ("more stories", a blog's front page,
 * related posts without a telling class name). However well written, an excerpt is not this
 * page's text, and a list of them must not outweigh a short article when the text is located.
 */
final class Teasers {
  /** Longer than this, a paragraph under a linked headline is an article, not an excerpt. */
  private static final int MAX_EXCERPT_WEIGHT = 500;
  /** A "read more" link is a few words long. */
  private static final int MAX_READ_MORE_WEIGHT = 24;

  private Teasers() {}

  /** Per block of {@code page}, whether it is a teaser. */
  static boolean[] mark(PageModel page, FurnitureMask mask) {
    boolean[] teaser = new boolean[page.blocks.size()];
    markUnderLinkedHeadlines(page, mask, teaser);
    markBeforeReadMore(page, mask, teaser);
    return teaser;
  }

  /**
   * A lone paragraph between a headline that is a link and the next headline or link is an
   * excerpt. An article under a linked title (blogs link the title to the post itself) runs on
   * for more than one paragraph, or for longer than an excerpt, and is left alone.
   */
  private static void markUnderLinkedHeadlines(
      PageModel page, FurnitureMask mask, boolean[] teaser) {
    List<TextBlock> blocks = page.blocks;
    TextBlock previous = null;
    int excerpt = -1;
    for (int i = 0; i < blocks.size(); i++) {
      TextBlock block = blocks.get(i);
      if (mask.excluded[block.owner()]) {
        continue;
      }
      boolean linkish = block.linkDensity() > 0.5;
      boolean heading = block.kind() == TagKind.HEADING;
      if (excerpt >= 0) {
        teaser[excerpt] = heading || linkish;
        excerpt = -1;
      }
      if (previous != null && isLinkedHeading(previous) && !linkish && !heading
          && block.weight() <= MAX_EXCERPT_WEIGHT) {
        excerpt = i;
      }
      previous = block;
    }
    if (excerpt >= 0) {
      teaser[excerpt] = true;
    }
  }

  /**
   * Paragraphs each followed by the same short link within the site ("Read more", "Weiterlesen")
   * are excerpts. One such pair may be an article's last paragraph and a link back to an index;
   * the same link text twice is a list. Links to other sites ("View this post on Instagram") are
   * embeds, not this pattern.
   */
  private static void markBeforeReadMore(PageModel page, FurnitureMask mask, boolean[] teaser) {
    List<TextBlock> blocks = page.blocks;
    Map<String, Integer> linkTexts = new HashMap<>();
    TextBlock previous = null;
    for (TextBlock block : blocks) {
      if (mask.excluded[block.owner()]) {
        continue;
      }
      if (previous != null && isReadMore(block, previous)) {
        linkTexts.merge(block.text(), 1, Integer::sum);
      }
      previous = block;
    }
    if (linkTexts.isEmpty()) {
      return;
    }
    int previousIndex = -1;
    for (int i = 0; i < blocks.size(); i++) {
      TextBlock block = blocks.get(i);
      if (mask.excluded[block.owner()]) {
        continue;
      }
      if (previousIndex >= 0 && isReadMore(block, blocks.get(previousIndex))
          && linkTexts.getOrDefault(block.text(), 0) >= 2) {
        teaser[previousIndex] = true;
      }
      previousIndex = i;
    }
  }

  private static boolean isLinkedHeading(TextBlock block) {
    return block.kind() == TagKind.HEADING && block.linkDensity() > 0.5;
  }

  private static boolean isReadMore(TextBlock link, TextBlock before) {
    return link.weight() <= MAX_READ_MORE_WEIGHT && link.siteLinkDensity() > 0.5
        && before.kind() != TagKind.HEADING && before.linkDensity() <= 0.5;
  }
}
