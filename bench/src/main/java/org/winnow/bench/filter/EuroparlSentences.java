package org.winnow.bench.filter;

/** Trims a Europarl sample fragment, cut at arbitrary characters, to whole sentences. */
final class EuroparlSentences {
  private EuroparlSentences() {}

  /**
   * From the first sentence start to the last sentence end: a leading partial sentence (the
   * fragment does not start with a capital letter) and text after the last '.', '!' or '?' go.
   */
  static String whole(String fragment) {
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
    for (int i = fragment.length() - 1; i >= start; i--) {
      char c = fragment.charAt(i);
      if (c == '.' || c == '!' || c == '?') {
        return fragment.substring(start, i + 1);
      }
    }
    return "";
  }
}
