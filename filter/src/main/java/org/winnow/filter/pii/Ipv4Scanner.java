package org.winnow.filter.pii;

/**
 * Public IPv4 addresses in dotted-quad form (four decimal octets, no leading zeros, not part of
 * a longer run of digits and dots). Addresses in the special-purpose ranges of RFC 6890
 * (private, loopback, link-local, shared, documentation, benchmarking, multicast, reserved)
 * identify no one and are left alone.
 */
public final class Ipv4Scanner implements PiiScanner {
  public static final String NAME = "pii_ipv4";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String placeholder() {
    return "<IPV4>";
  }

  @Override
  public void scan(String text, SpanSink sink) {
    int n = text.length();
    int i = 0;
    while (i < n) {
      char c = text.charAt(i);
      if (!Chars.isDigit(c) || (i > 0 && touches(text.charAt(i - 1)))) {
        i++;
        continue;
      }
      int end = parse(text, i, n);
      if (end > 0 && isPublic(address(text, i, end))) {
        sink.accept(i, end);
        i = end;
      } else {
        // Skip the rest of this run of digits and dots: no address starts inside it.
        i++;
        while (i < n && (Chars.isDigit(text.charAt(i)) || text.charAt(i) == '.')) {
          i++;
        }
      }
    }
  }

  private static boolean touches(char c) {
    return Chars.isWordChar(c) || c == '.' || c == ':';
  }

  /** The end of a dotted quad starting at {@code start}, or -1. */
  static int parse(String text, int start, int n) {
    int i = start;
    for (int octet = 0; octet < 4; octet++) {
      if (octet > 0) {
        if (i >= n || text.charAt(i) != '.') {
          return -1;
        }
        i++;
      }
      int digits = 0;
      int value = 0;
      while (i < n && Chars.isDigit(text.charAt(i)) && digits < 4) {
        value = value * 10 + (text.charAt(i) - '0');
        digits++;
        i++;
      }
      if (digits == 0 || digits > 3 || value > 255 || (digits > 1 && text.charAt(i - digits) == '0')) {
        return -1;
      }
    }
    if (i < n) {
      char next = text.charAt(i);
      // A port may follow (":8080"); more digits, dots and digits, or letters may not.
      if (Chars.isWordChar(next) || (next == '.' && i + 1 < n && Chars.isDigit(text.charAt(i + 1)))) {
        return -1;
      }
    }
    return i;
  }

  /** The 32-bit address of a dotted quad that {@link #parse} accepted. */
  static int address(String text, int start, int end) {
    int a = 0;
    int octet = 0;
    for (int i = start; i < end; i++) {
      char c = text.charAt(i);
      if (c == '.') {
        a = (a << 8) | octet;
        octet = 0;
      } else {
        octet = octet * 10 + (c - '0');
      }
    }
    return (a << 8) | octet;
  }

  /** Whether an address is outside RFC 6890's special-purpose blocks. */
  static boolean isPublic(int a) {
    return !(in(a, 0x00000000, 8) // "this network"
        || in(a, 0x0A000000, 8) // private
        || in(a, 0x64400000, 10) // shared address space (CGNAT)
        || in(a, 0x7F000000, 8) // loopback
        || in(a, 0xA9FE0000, 16) // link-local
        || in(a, 0xAC100000, 12) // private
        || in(a, 0xC0000000, 24) // IETF protocol assignments
        || in(a, 0xC0000200, 24) // TEST-NET-1
        || in(a, 0xC0A80000, 16) // private
        || in(a, 0xC6120000, 15) // benchmarking
        || in(a, 0xC6336400, 24) // TEST-NET-2
        || in(a, 0xCB007100, 24) // TEST-NET-3
        || in(a, 0xE0000000, 4) // multicast
        || in(a, 0xF0000000, 4)); // reserved, broadcast
  }

  private static boolean in(int a, int prefix, int bits) {
    int mask = -1 << (32 - bits);
    return (a & mask) == prefix;
  }
}
