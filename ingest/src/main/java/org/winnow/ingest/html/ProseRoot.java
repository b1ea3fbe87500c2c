package org.winnow.ingest.html;

import java.util.List;

/**
 * Locates the main text: the deepest element that holds most of the page's prose.
 *
 * <p>Prose is what a block of running text looks like anywhere on the web: long enough to be a
 * sentence or more, and not made of links. Menus, link lists and labels weigh nothing; furniture,
 * comments and teasers are not counted. The elements holding more than {@value #SHARE} of it
 * form a chain from the body down; its last link is the container of the text, however the
 * template fragments it into sibling boxes below. Scoring each box by itself, as readability
 * does, picks one fragment of such text; this picks the box around all of them.
 */
final class ProseRoot {
  /** Share of the prose the root must hold: most of it, leaving room for a stray block. */
  private static final double SHARE = 0.8;

  private ProseRoot() {}

  /** The id of the root element; 0 (the body) when the prose is spread all over the page. */
  static int find(PageModel page, FurnitureMask mask, boolean[] teaser, Deadline deadline) {
    int[] prose = new int[page.size];
    List<TextBlock> blocks = page.blocks;
    for (int i = 0; i < blocks.size(); i++) {
      TextBlock block = blocks.get(i);
      if (!mask.excluded[block.owner()] && !teaser[i] && block.isProse()) {
        prose[block.owner()] += block.weight();
      }
    }
    sumSubtrees(page, prose);
    if (prose[0] == 0) {
      // No sentence anywhere (a product page, a gallery): weigh whatever text is not links.
      for (TextBlock block : blocks) {
        if (!mask.excluded[block.owner()] && block.linkDensity() < 0.5) {
          prose[block.owner()] += block.weight();
        }
      }
      sumSubtrees(page, prose);
    }
    double needed = SHARE * prose[0];
    int root = 0;
    boolean descended = prose[0] > 0;
    while (descended) {
      deadline.tick();
      descended = false;
      for (int child = root + 1; child <= page.end[root]; child = page.end[child] + 1) {
        if (!mask.excluded[child] && prose[child] >= needed) {
          root = child;
          descended = true;
          break;
        }
      }
    }
    // A paragraph or a list is part of a text, not its container: its neighbours belong to it.
    while (root > 0 && !isContainer(page.kind[root])) {
      root = page.parent[root];
    }
    return root;
  }

  /** Children have larger ids than their parents: one backward sweep sums every subtree. */
  private static void sumSubtrees(PageModel page, int[] values) {
    for (int id = page.size - 1; id > 0; id--) {
      values[page.parent[id]] += values[id];
    }
  }

  /** Boxes that hold a text; table cells count, since old sites lay pages out in tables. */
  private static boolean isContainer(TagKind kind) {
    return kind == TagKind.SECTION || kind == TagKind.FURNITURE || kind == TagKind.CELL;
  }
}
