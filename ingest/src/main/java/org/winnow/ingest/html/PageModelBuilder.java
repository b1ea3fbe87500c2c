package org.winnow.ingest.html;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeFilter;
import org.jsoup.select.NodeTraversor;

/**
 * Builds a {@link PageModel} in one iterative walk over the body (jsoup's traversor keeps its own
 * position, so depth costs no stack). Skips what is never text, counts hidden text instead of
 * keeping it, cuts the visible text into blocks at block boundaries, and sums text lengths and
 * prose weight per element on the way back up.
 */
final class PageModelBuilder implements NodeFilter {
  private static final int HIDDEN = -2;
  private static final int INSIDE_HIDDEN = -3;

  private final Deadline deadline;
  private final String pageHost;
  private final ClassHints classHints = new ClassHints();

  private int size;
  private String[] tag = new String[64];
  private TagKind[] kind = new TagKind[64];
  private int[] parent = new int[64];
  private int[] end = new int[64];
  private byte[] hints = new byte[64];
  private int[] textChars = new int[64];
  private boolean[] siteLink = new boolean[64];
  private boolean[] ownsBlocks = new boolean[64];
  private int[] proseWeight = new int[64];
  // The owner, group and row in force where an element opened, restored when it closes.
  private int[] savedOwner = new int[64];
  private int[] savedGroup = new int[64];
  private int[] savedRow = new int[64];

  private int[] open = new int[64];
  private int openDepth;

  private int current = -1;
  private int owner = -1;
  private int group = -1;
  private int row = -1;
  private int hiddenDepth;
  private int linkDepth;
  private int siteLinkDepth;
  private int preDepth;
  private int hiddenChars;

  private final List<TextBlock> blocks = new ArrayList<>();
  private final BlockBuffer buffer = new BlockBuffer();

  private PageModelBuilder(String pageHost, Deadline deadline) {
    this.pageHost = pageHost;
    this.deadline = deadline;
  }

  /**
   * Walks {@code body} (may be null for a page without one) and returns its model; {@code baseUri}
   * tells links within the site from links to elsewhere.
   */
  static PageModel build(Element body, String baseUri, Deadline deadline) {
    String host = baseUri == null ? null : LinkTarget.hostOf(baseUri);
    PageModelBuilder builder = new PageModelBuilder(host == null ? "" : host, deadline);
    if (body != null) {
      NodeTraversor.filter(builder, body);
    }
    builder.flush();
    return builder.model();
  }

  private PageModel model() {
    return new PageModel(size, tag, kind, parent, end, hints, textChars, proseWeight, blocks,
        hiddenChars);
  }

  @Override
  public FilterResult head(Node node, int depth) {
    deadline.tick();
    if (node instanceof TextNode textNode) {
      if (hiddenDepth > 0) {
        hiddenChars += Whitespace.collapsedLength(textNode.getWholeText());
      } else if (current >= 0) {
        appendText(textNode.getWholeText());
      }
      return FilterResult.CONTINUE;
    }
    if (!(node instanceof Element element)) {
      // Comments, doctypes, and the data of script and style (whose elements are skipped anyway).
      return FilterResult.SKIP_ENTIRELY;
    }
    TagKind elementKind = TagKind.of(element.normalName());
    if (elementKind == TagKind.IGNORED) {
      return FilterResult.SKIP_ENTIRELY;
    }
    if (hiddenDepth > 0) {
      push(INSIDE_HIDDEN);
      return FilterResult.CONTINUE;
    }
    if (Visibility.isHidden(element)) {
      hiddenDepth++;
      push(HIDDEN);
      return FilterResult.CONTINUE;
    }
    LinkTarget target = LinkTarget.NONE;
    if (elementKind == TagKind.LINK) {
      target = LinkTarget.of(element.attr("href"), pageHost);
      if (target == LinkTarget.NONE) {
        elementKind = TagKind.INLINE;
      }
    }
    open(element, elementKind);
    if (target == LinkTarget.SITE) {
      siteLink[current] = true;
      siteLinkDepth++;
    }
    return FilterResult.CONTINUE;
  }

  @Override
  public FilterResult tail(Node node, int depth) {
    if (!(node instanceof Element)) {
      return FilterResult.CONTINUE;
    }
    int id = open[--openDepth];
    if (id == HIDDEN) {
      hiddenDepth--;
    } else if (id >= 0) {
      close(id);
    }
    return FilterResult.CONTINUE;
  }

  private void open(Element element, TagKind elementKind) {
    int elementHints = classHints.of(element, elementKind);
    // An inline box named as furniture (a byline span, a caption, a share link) is cut out of
    // its paragraph, so that selection can leave it out without losing the paragraph.
    boolean separate = elementKind.isBlock()
        || (elementKind != TagKind.BREAK && (elementHints & ClassHints.NOT_CONTENT) != 0);
    if (separate) {
      flush();
    }
    int id = size++;
    ensureCapacity(size);
    tag[id] = element.normalName();
    kind[id] = elementKind;
    parent[id] = current;
    hints[id] = (byte) elementHints;
    ownsBlocks[id] = separate;
    savedOwner[id] = owner;
    savedGroup[id] = group;
    savedRow[id] = row;
    current = id;
    push(id);
    switch (elementKind) {
      case BREAK -> buffer.lineBreak();
      case LINK -> linkDepth++;
      case PREFORMATTED -> preDepth++;
      case LIST, TABLE -> group = id;
      case ROW -> row = id;
      default -> {
        // Nothing else changes how text is gathered.
      }
    }
    if (separate) {
      owner = id;
    }
  }

  private void close(int id) {
    TagKind elementKind = kind[id];
    if (ownsBlocks[id]) {
      flush();
    }
    switch (elementKind) {
      case LINK -> {
        linkDepth--;
        if (siteLink[id]) {
          siteLinkDepth--;
        }
      }
      case PREFORMATTED -> preDepth--;
      default -> {
        // Owner, group and row are restored below for every element.
      }
    }
    owner = savedOwner[id];
    group = savedGroup[id];
    row = savedRow[id];
    end[id] = size - 1;
    int up = parent[id];
    current = up;
    if (up >= 0) {
      textChars[up] += textChars[id];
      if ((hints[id] & ClassHints.COMMENTS) == 0) {
        proseWeight[up] += proseWeight[id];
      }
    }
  }

  private void push(int id) {
    if (openDepth == open.length) {
      open = Arrays.copyOf(open, openDepth * 2);
    }
    open[openDepth++] = id;
  }

  private void appendText(String s) {
    textChars[current] += buffer.append(s, preDepth > 0, linkDepth > 0, siteLinkDepth > 0);
  }

  private void flush() {
    TextBlock block = owner < 0 ? null : buffer.take(owner, kind[owner], group, row);
    if (block != null) {
      blocks.add(block);
      if (block.isProse()) {
        proseWeight[owner] += block.weight();
      }
    }
  }

  private void ensureCapacity(int needed) {
    if (needed <= parent.length) {
      return;
    }
    int capacity = Math.max(needed, parent.length * 2);
    tag = Arrays.copyOf(tag, capacity);
    kind = Arrays.copyOf(kind, capacity);
    parent = Arrays.copyOf(parent, capacity);
    end = Arrays.copyOf(end, capacity);
    hints = Arrays.copyOf(hints, capacity);
    textChars = Arrays.copyOf(textChars, capacity);
    siteLink = Arrays.copyOf(siteLink, capacity);
    ownsBlocks = Arrays.copyOf(ownsBlocks, capacity);
    proseWeight = Arrays.copyOf(proseWeight, capacity);
    savedOwner = Arrays.copyOf(savedOwner, capacity);
    savedGroup = Arrays.copyOf(savedGroup, capacity);
    savedRow = Arrays.copyOf(savedRow, capacity);
  }
}
