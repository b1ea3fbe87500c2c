package org.winnow.ingest.html;

import java.util.ArrayList;
import java.util.List;

/**
 * Picks the main-text blocks of a {@link PageModel}: every block inside the {@link ProseRoot}
 * that is not furniture, a teaser, navigation or a date stamp; then the lede from just above the
 * root; then no heading or label whose content was left out.
 */
final class ContentSelector {
  /** Headings this heavy are sentences (subtitles, pull quotes) and stand on their own. */
  private static final int SENTENCE_WEIGHT = 50;
  /** Blocks this heavy with few links read as a lede when they come right before the text. */
  private static final int LEDE_WEIGHT = 50;
  private static final double LEDE_MAX_LINK_DENSITY = 0.2;
  /** Short non-lede blocks (kickers, bylines without names) passed over looking for a lede. */
  private static final int LEDE_MAX_SKIPS = 3;
  /** How far above the root the lede may sit: article, header and body wrappers nest this deep. */
  private static final int LEDE_LEVELS = 3;

  private final PageModel page;
  private final Deadline deadline;

  ContentSelector(PageModel page, Deadline deadline) {
    this.page = page;
    this.deadline = deadline;
  }

  List<TextBlock> select() {
    List<TextBlock> blocks = page.blocks;
    if (page.size == 0 || blocks.isEmpty()) {
      return List.of();
    }
    FurnitureMask mask = FurnitureMask.of(page, deadline);
    boolean[] teaser = Teasers.mark(page, mask);
    int root = ProseRoot.find(page, mask, teaser, deadline);
    boolean[] keep = new boolean[blocks.size()];
    for (int i = 0; i < blocks.size(); i++) {
      deadline.tick();
      TextBlock block = blocks.get(i);
      int owner = block.owner();
      keep[i] = page.contains(root, owner) && !mask.excluded[owner] && !teaser[i]
          && !block.isNavigation() && !DateLine.is(block);
    }
    addLede(keep, root, mask);
    dropOrphanAnnouncements(keep, mask);
    List<TextBlock> kept = new ArrayList<>();
    for (int i = 0; i < blocks.size(); i++) {
      if (keep[i]) {
        kept.add(blocks.get(i));
      }
    }
    return kept;
  }

  /**
   * Takes in the lede. News and blog templates put the standfirst just above the body container,
   * often in the article's header, where the root misses it. Looks back from the first kept block
   * over furniture (bylines, share bars, images) and a few short blocks (dates, kickers) for
   * prose, and stops at the title.
   */
  private void addLede(boolean[] keep, int root, FurnitureMask mask) {
    int first = 0;
    while (first < keep.length && !keep[first]) {
      first++;
    }
    int bound = root;
    for (int level = 0; level < LEDE_LEVELS && page.parent[bound] >= 0; level++) {
      bound = page.parent[bound];
    }
    int skipped = 0;
    for (int i = first - 1; i >= 0 && skipped < LEDE_MAX_SKIPS; i--) {
      TextBlock block = page.blocks.get(i);
      int owner = block.owner();
      if (!page.contains(bound, owner)) {
        break;
      }
      if (mask.furniture[owner]) {
        continue;
      }
      if (isTitle(block)) {
        break;
      }
      if (block.weight() >= LEDE_WEIGHT && block.linkDensity() < LEDE_MAX_LINK_DENSITY) {
        keep[i] = true;
      } else {
        skipped++;
      }
    }
  }

  /** The title heads the article and a short heading a section: either ends the lede. */
  private boolean isTitle(TextBlock block) {
    return block.kind() == TagKind.HEADING
        && (page.headingRank(block.owner()) == 1 || block.weight() < SENTENCE_WEIGHT);
  }

  /**
   * A heading, or a label like "Read also:", announces what follows it. When the next visible
   * block is not kept (a related-links list, a comment form, the end of the article), the
   * announcement belongs to what was left out. A heading followed by a heading of the same or a
   * higher rank announces nothing either.
   */
  private void dropOrphanAnnouncements(boolean[] keep, FurnitureMask mask) {
    List<TextBlock> blocks = page.blocks;
    int next = -1;
    for (int i = blocks.size() - 1; i >= 0; i--) {
      TextBlock block = blocks.get(i);
      if (mask.excluded[block.owner()]) {
        continue;
      }
      if (keep[i] && isAnnouncement(block)) {
        keep[i] = next >= 0 && keep[next] && !isPeerHeading(block, blocks.get(next));
      }
      next = i;
    }
  }

  private static boolean isAnnouncement(TextBlock block) {
    if (block.weight() >= SENTENCE_WEIGHT) {
      return false;
    }
    String text = block.text();
    char last = text.charAt(text.length() - 1);
    return block.kind() == TagKind.HEADING || last == ':' || last == '\uFF1A';
  }

  private boolean isPeerHeading(TextBlock heading, TextBlock next) {
    return heading.kind() == TagKind.HEADING && next.kind() == TagKind.HEADING
        && page.headingRank(next.owner()) <= page.headingRank(heading.owner());
  }
}
