package org.winnow.filter.pii;

/**
 * E-mail addresses: a local part of at most 64 characters from {@code A-Z a-z 0-9 . _ % + -},
 * '@', and a domain of dot-separated labels (letters, digits, hyphens) ending in a top-level
 * domain of at least two letters. Each '@' looks back at most 64 characters and ahead at most
 * 253, so the scan is linear.
 */
public final class EmailScanner implements PiiScanner {
  public static final String NAME = "pii_email";
  private static final int MAX_LOCAL = 64;
  private static final int MAX_DOMAIN = 253;

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String placeholder() {
    return "<EMAIL>";
  }

  @Override
  public void scan(String text, SpanSink sink) {
    int n = text.length();
    int floor = 0;
    int at = text.indexOf('@');
    while (at >= 0) {
      int start = at;
      while (start > floor && at - start < MAX_LOCAL && isLocal(text.charAt(start - 1))) {
        start--;
      }
      // A longer run of local-part characters is not an address (or not one we can delimit).
      boolean bounded = start == floor || !isLocal(text.charAt(start - 1));
      while (start < at && text.charAt(start) == '.') {
        start++;
      }
      boolean localOk = bounded && start < at;
      int end = localOk ? domainEnd(text, at + 1, n) : -1;
      if (end > 0) {
        sink.accept(start, end);
        floor = end;
        at = text.indexOf('@', end);
      } else {
        at = text.indexOf('@', at + 1);
      }
    }
  }

  private static boolean isLocal(char c) {
    return Chars.isDigit(c) || Chars.isAsciiLetter(c) || c == '.' || c == '_' || c == '%'
        || c == '+' || c == '-';
  }

  /** The end of a valid domain starting at {@code from}, or -1. */
  private static int domainEnd(String text, int from, int n) {
    int limit = Math.min(n, from + MAX_DOMAIN);
    int i = from;
    int lastDot = -1;
    int labelStart = from;
    int end = -1;
    while (i < limit) {
      char c = text.charAt(i);
      if (Chars.isAsciiLetter(c) || Chars.isDigit(c) || c == '-') {
        i++;
        continue;
      }
      if (c == '.' && i > labelStart && i + 1 < limit && isLabelChar(text.charAt(i + 1))) {
        lastDot = i;
        i++;
        labelStart = i;
        continue;
      }
      break;
    }
    if (lastDot < 0 || (i < n && (Chars.isWordChar(text.charAt(i)) || text.charAt(i) == '@'))) {
      return -1;
    }
    // The top-level domain: two or more letters.
    int tld = lastDot + 1;
    if (i - tld < 2) {
      return -1;
    }
    for (int k = tld; k < i; k++) {
      if (!Chars.isAsciiLetter(text.charAt(k))) {
        return -1;
      }
    }
    end = i;
    if (text.charAt(from) == '-' || text.charAt(from) == '.') {
      return -1;
    }
    return end;
  }

  private static boolean isLabelChar(char c) {
    return Chars.isAsciiLetter(c) || Chars.isDigit(c);
  }
}
