package org.winnow.filter;

/** Turns a Europarl sample fragment, cut at arbitrary characters, into whole sentences. */
final class EuroparlText {
  private EuroparlText() {}

  /**
   * The fragment from the first sentence start to the last sentence end: a leading partial
   * sentence (the fragment does not start with a capital letter) and a trailing one (text after
   * the last '.', '!' or '?') are cut.
   */
  static String wholeSentences(String fragment) {
    int start = 0;
    if (fragment.isEmpty() || !Character.isUpperCase(fragment.codePointAt(0))) {
      start = -1;
      for (int i = 0; i + 2 < fragment.length(); i++) {
        char c = fragment.charAt(i);
        if ((c == '.' || c == '!' || c == '?') && Character.isWhitespace(fragment.charAt(i + 1))
            && Character.isUpperCase(fragment.codePointAt(i + 2))) {
          start = i + 2;
          break;
        }
      }
      if (start < 0) {
        return "";
      }
    }
    int end = -1;
    for (int i = fragment.length() - 1; i >= start; i--) {
      char c = fragment.charAt(i);
      if (c == '.' || c == '!' || c == '?') {
        end = i + 1;
        break;
      }
    }
    return end < 0 ? "" : fragment.substring(start, end);
  }
}
