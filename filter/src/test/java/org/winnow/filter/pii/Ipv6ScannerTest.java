package org.winnow.filter.pii;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class Ipv6ScannerTest {
  private final Ipv6Scanner scanner = new Ipv6Scanner();

  private List<String> spans(String text) {
    List<String> out = new ArrayList<>();
    scanner.scan(text, (from, to) -> out.add(from + "-" + to));
    return out;
  }

  /** The scan as first written, every character a possible start: the colon jumps must agree. */
  private static List<String> everyCharacterScan(String text) {
    List<String> out = new ArrayList<>();
    int n = text.length();
    int i = 0;
    while (i < n) {
      char c = text.charAt(i);
      boolean starts = (Chars.isHex(c) || c == ':') && (i == 0
          || !(Chars.isWordChar(text.charAt(i - 1)) || isRunChar(text.charAt(i - 1))));
      if (!starts) {
        i++;
        continue;
      }
      int end = i;
      int colons = 0;
      while (end < n && isRunChar(text.charAt(end))) {
        colons += text.charAt(end) == ':' ? 1 : 0;
        end++;
      }
      int runEnd = end;
      while (end > i && text.charAt(end - 1) == '.') {
        end--;
      }
      boolean bounded = runEnd >= n || !Chars.isWordChar(text.charAt(runEnd));
      if (bounded && colons >= 2 && end - i <= 45) {
        int[] groups = Ipv6Scanner.parse(text, i, end);
        if (groups != null && Ipv6Scanner.isPublic(groups)) {
          out.add(i + "-" + end);
        }
      }
      i = runEnd;
    }
    return out;
  }

  private static boolean isRunChar(char c) {
    return Chars.isHex(c) || c == ':' || c == '.';
  }

  @Test
  void findsAddressesWhereverTheColonsAre() {
    assertEquals(List.of("4-24", "29-53"),
        spans("dns 2001:4860:4860::8888 and 2a00:1450:4001:81b::200e."));
    assertEquals(List.of("0-14"), spans("::ffff:8.8.4.4"));
    assertEquals(List.of(), spans("x2001:4860::8888 2001:4860::8888y .2001:4860::8888 no colon"));
    assertEquals(List.of("1-16"), spans("(2001:4860::8888)"));
    assertEquals(List.of(), spans(":2001:4860::8888"));
  }

  @Test
  void agreesWithTheEveryCharacterScanOnRandomText() {
    String alphabet = "0123456789abcdefABCDEF::::....  xyz_\n-\u00e9";
    String[] pieces = {"2001:4860:4860::8888", "::ffff:8.8.4.4", "2a00:1450::1", "fe80::1", "::"};
    SplittableRandom random = new SplittableRandom(7);
    for (int trial = 0; trial < 20_000; trial++) {
      StringBuilder b = new StringBuilder();
      int length = random.nextInt(60);
      while (b.length() < length) {
        if (random.nextInt(8) == 0) {
          b.append(pieces[random.nextInt(pieces.length)]);
        } else {
          b.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
      }
      String text = b.toString();
      assertEquals(everyCharacterScan(text), spans(text), text);
    }
  }
}
