package org.winnow.ingest.html;

import java.util.List;

/**
 * The body of a page flattened for scoring: its elements in document order, identified by their
 * pre-order index (the body is 0, a parent comes before its children, and an element's subtree is
 * the id range {@code [id, end[id]]}), and the text blocks between block boundaries. Selection
 * works on these arrays, never on the DOM, so it needs no recursion and no DOM walk of its own.
 */
final class PageModel {
  final int size;
  final String[] tag;
  final TagKind[] kind;
  final int[] parent;
  final int[] end;
  final byte[] hints;
  /** Characters of visible text in the subtree. */
  final int[] textChars;
  /** Weight of prose blocks ({@link TextBlock#isProse()}) in the subtree, comments left out. */
  final int[] proseWeight;
  final List<TextBlock> blocks;
  final int hiddenChars;

  PageModel(
      int size, String[] tag, TagKind[] kind, int[] parent, int[] end, byte[] hints,
      int[] textChars, int[] proseWeight, List<TextBlock> blocks, int hiddenChars) {
    this.size = size;
    this.tag = tag;
    this.kind = kind;
    this.parent = parent;
    this.end = end;
    this.hints = hints;
    this.textChars = textChars;
    this.proseWeight = proseWeight;
    this.blocks = blocks;
    this.hiddenChars = hiddenChars;
  }

  /** 1 to 6 for {@code h1} to {@code h6}, 0 for any other element. */
  int headingRank(int id) {
    return kind[id] == TagKind.HEADING ? tag[id].charAt(1) - '0' : 0;
  }

  /** Whether {@code inner} is {@code outer} or inside it. */
  boolean contains(int outer, int inner) {
    return inner >= outer && inner <= end[outer];
  }
}
