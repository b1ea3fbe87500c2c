package org.winnow.filter.clean;

/**
 * Removes Wikipedia citation marks as C4 does ({@code \[\d*]|\[edit]|\[citation needed]}), with
 * a scanner rather than a regex: each '[' looks ahead once, so the cost is linear.
 */
final class Citations {
  private static final String EDIT = "edit]";
  private static final String NEEDED = "citation needed]";

  private Citations() {}

  /** {@code text[from, to)} without citation marks. */
  static String remove(String text, int from, int to) {
    StringBuilder out = new StringBuilder(to - from);
    int i = from;
    while (i < to) {
      char c = text.charAt(i);
      if (c == '[') {
        int end = markEnd(text, i + 1, to);
        if (end > 0) {
          i = end;
          continue;
        }
      }
      out.append(c);
      i++;
    }
    return out.toString();
  }

  /** Where a mark opened just before {@code i} ends, or -1 when there is none. */
  private static int markEnd(String text, int i, int to) {
    int j = i;
    while (j < to && text.charAt(j) >= '0' && text.charAt(j) <= '9') {
      j++;
    }
    if (j < to && text.charAt(j) == ']') {
      return j + 1;
    }
    if (j == i) {
      if (text.startsWith(EDIT, i) && i + EDIT.length() <= to) {
        return i + EDIT.length();
      }
      if (text.startsWith(NEEDED, i) && i + NEEDED.length() <= to) {
        return i + NEEDED.length();
      }
    }
    return -1;
  }
}
