package org.winnow.filter.pii;

/**
 * Payment card numbers: 13 to 19 digits, written together or in groups separated by single
 * spaces or single hyphens (one kind per number), starting with a digit that card networks use
 * (2 to 6), and passing the Luhn check. Runs of digits longer than 19 are skipped whole.
 */
public final class CardNumberScanner implements PiiScanner {
  public static final String NAME = "pii_card";
  private static final int MIN_DIGITS = 13;
  private static final int MAX_DIGITS = 19;

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String placeholder() {
    return "<CARD>";
  }

  @Override
  public void scan(String text, SpanSink sink) {
    int n = text.length();
    int[] digits = new int[MAX_DIGITS + 1];
    int i = 0;
    while (i < n) {
      char c = text.charAt(i);
      if (!Chars.isDigit(c) || (i > 0 && touches(text.charAt(i - 1)))) {
        i++;
        continue;
      }
      int count = 0;
      int j = i;
      char separator = 0;
      int end = i;
      boolean valid = true;
      while (j < n) {
        char d = text.charAt(j);
        if (Chars.isDigit(d)) {
          if (count == MAX_DIGITS) {
            valid = false;
            break;
          }
          digits[count++] = d - '0';
          j++;
          end = j;
          continue;
        }
        if ((d == ' ' || d == '-') && j + 1 < n && Chars.isDigit(text.charAt(j + 1))
            && (separator == 0 || separator == d)) {
          separator = d;
          j++;
          continue;
        }
        break;
      }
      if (valid && Chars.continuesAt(text, end)) {
        valid = false;
      }
      if (valid && count >= MIN_DIGITS && digits[0] >= 2 && digits[0] <= 6
          && luhn(digits, count)) {
        sink.accept(i, end);
      }
      // Nothing starts inside the run just read.
      i = Math.max(end, i + 1);
      while (i < n && Chars.isDigit(text.charAt(i))) {
        i++;
      }
    }
  }

  private static boolean touches(char c) {
    return Chars.isWordChar(c) || c == '.' || c == ',';
  }

  /** The Luhn (mod 10) check over {@code d[0, count)}. */
  static boolean luhn(int[] d, int count) {
    int sum = 0;
    for (int k = 0; k < count; k++) {
      int v = d[count - 1 - k];
      if ((k & 1) == 1) {
        v *= 2;
        if (v > 9) {
          v -= 9;
        }
      }
      sum += v;
    }
    return sum % 10 == 0;
  }
}
