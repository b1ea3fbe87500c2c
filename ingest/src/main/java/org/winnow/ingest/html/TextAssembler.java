package org.winnow.ingest.html;

import java.util.List;

/**
 * Joins the kept blocks into the main text: blocks apart by a blank line, the items of one list
 * and the rows of one table by a newline, the cells of one row by a tab. Stops at the output
 * cap; a block that does not fit is cut at its last white space before the cap, so the text
 * never ends inside a word.
 */
final class TextAssembler {
  private TextAssembler() {}

  static String assemble(List<TextBlock> blocks, int maxChars) {
    StringBuilder out = new StringBuilder();
    TextBlock previous = null;
    for (TextBlock block : blocks) {
      String separator = previous == null ? "" : separator(previous, block);
      if (out.length() + separator.length() >= maxChars) {
        break;
      }
      out.append(separator);
      int room = maxChars - out.length();
      String text = block.text();
      if (text.length() <= room) {
        out.append(text);
      } else {
        out.append(text, 0, cutPoint(text, room));
        break;
      }
      previous = block;
    }
    int length = out.length();
    while (length > 0 && Whitespace.isSpace(out.charAt(length - 1))) {
      length--;
    }
    out.setLength(length);
    return out.toString();
  }

  private static String separator(TextBlock previous, TextBlock next) {
    if (previous.row() >= 0 && previous.row() == next.row()) {
      return "\t";
    }
    if (previous.group() >= 0 && previous.group() == next.group()) {
      return "\n";
    }
    return "\n\n";
  }

  /** The last white space at or before {@code room}, or {@code room} in a text without any. */
  private static int cutPoint(String text, int room) {
    for (int i = room; i > 0; i--) {
      if (Whitespace.isSpace(text.charAt(i))) {
        return i;
      }
    }
    return room;
  }
}
