package org.winnow.filter.pii;

/**
 * Public IPv6 addresses (RFC 4291 text forms, "::" compression and a trailing dotted quad
 * included). Only global unicast space (2000::/3, without the documentation prefixes
 * 2001:db8::/32 and 3fff::/20 or the IETF block 2001::/23) and IPv4-mapped public addresses
 * count; loopback, link-local, unique-local and multicast identify no one. A candidate is a run
 * of at most 45 hex digits, colons and dots, so each character is examined a bounded number of
 * times.
 */
public final class Ipv6Scanner implements PiiScanner {
  public static final String NAME = "pii_ipv6";
  private static final int MAX_LENGTH = 45;

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String placeholder() {
    return "<IPV6>";
  }

  /**
   * Examines each maximal run of hex digits, colons and dots that starts with a hex digit or a
   * colon after a non-word character. A run without a colon cannot be an address, so the scan
   * jumps from colon to colon ({@link String#indexOf(int, int)}, vectorised) and walks out from
   * each to its run's ends: most text has few colons, and every character is still examined a
   * bounded number of times.
   */
  @Override
  public void scan(String text, SpanSink sink) {
    int n = text.length();
    int done = 0;
    int colon;
    while ((colon = text.indexOf(':', done)) >= 0) {
      // The run around this colon: it cannot reach back past the end of the last run examined.
      int start = colon;
      while (start > done && isRunChar(text.charAt(start - 1))) {
        start--;
      }
      int runEnd = colon;
      int colons = 0;
      while (runEnd < n && isRunChar(text.charAt(runEnd))) {
        colons += text.charAt(runEnd) == ':' ? 1 : 0;
        runEnd++;
      }
      char first = text.charAt(start);
      boolean starts = (Chars.isHex(first) || first == ':')
          && (start == 0 || !Chars.isWordChar(text.charAt(start - 1)));
      int end = runEnd;
      // A sentence may end right after an address: "... at 2001:4860::8888."
      while (end > start && text.charAt(end - 1) == '.') {
        end--;
      }
      boolean bounded = runEnd >= n || !Chars.isWordChar(text.charAt(runEnd));
      if (starts && bounded && colons >= 2 && end - start <= MAX_LENGTH) {
        int[] groups = parse(text, start, end);
        if (groups != null && isPublic(groups)) {
          sink.accept(start, end);
        }
      }
      done = runEnd;
    }
  }

  private static boolean isRunChar(char c) {
    return Chars.isHex(c) || c == ':' || c == '.';
  }

  /** The eight 16-bit groups of the address {@code text[from, to)}, or null if it is not one. */
  static int[] parse(String text, int from, int to) {
    String s = text.substring(from, to);
    int gap = s.indexOf("::");
    if (gap >= 0 && s.indexOf("::", gap + 1) >= 0) {
      return null;
    }
    int[] head = gap >= 0 ? groups(s.substring(0, gap), false) : groups(s, true);
    if (head == null) {
      return null;
    }
    if (gap < 0) {
      return head.length == 8 ? head : null;
    }
    int[] tail = groups(s.substring(gap + 2), true);
    if (tail == null || head.length + tail.length > 7) {
      return null;
    }
    int[] all = new int[8];
    System.arraycopy(head, 0, all, 0, head.length);
    System.arraycopy(tail, 0, all, 8 - tail.length, tail.length);
    return all;
  }

  /** Colon-separated groups; a dotted quad may end the list when {@code tailQuad}. */
  private static int[] groups(String s, boolean tailQuad) {
    if (s.isEmpty()) {
      return new int[0];
    }
    String[] parts = s.split(":", -1);
    int quad = 0;
    String last = parts[parts.length - 1];
    if (last.indexOf('.') >= 0) {
      if (!tailQuad || Ipv4Scanner.parse(last, 0, last.length()) != last.length()) {
        return null;
      }
      quad = 1;
    }
    int[] out = new int[parts.length - quad + 2 * quad];
    for (int k = 0; k < parts.length - quad; k++) {
      String p = parts[k];
      if (p.isEmpty() || p.length() > 4) {
        return null;
      }
      int v = 0;
      for (int j = 0; j < p.length(); j++) {
        char c = p.charAt(j);
        if (!Chars.isHex(c)) {
          return null;
        }
        v = v * 16 + Character.digit(c, 16);
      }
      out[k] = v;
    }
    if (quad == 1) {
      int a = Ipv4Scanner.address(last, 0, last.length());
      out[out.length - 2] = a >>> 16;
      out[out.length - 1] = a & 0xffff;
    }
    return out;
  }

  static boolean isPublic(int[] g) {
    boolean mapped = g[0] == 0 && g[1] == 0 && g[2] == 0 && g[3] == 0 && g[4] == 0
        && g[5] == 0xffff;
    if (mapped) {
      return Ipv4Scanner.isPublic(g[6] << 16 | g[7]);
    }
    if ((g[0] & 0xe000) != 0x2000) {
      return false; // outside global unicast 2000::/3
    }
    if (g[0] == 0x2001 && (g[1] == 0x0db8 || g[1] < 0x0200)) {
      return false; // documentation, IETF protocol assignments 2001::/23
    }
    return !(g[0] == 0x3fff && g[1] < 0x1000); // documentation 3fff::/20
  }
}
