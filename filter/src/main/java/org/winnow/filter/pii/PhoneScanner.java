package org.winnow.filter.pii;

/**
 * Telephone numbers in the forms people write them: international ({@code +} country code, 8 to
 * 15 digits in all, E.164's range), or national with 10 or 11 digits in at least two groups
 * ("(555) 123-4567", "555.123.4567", "030 1234 5678", "06 12 34 56 78"). Groups are separated
 * by a space, '-', '.', or a parenthesised area code. A bare run of digits is not a phone number
 * (it is more often an id), nor is a number grouped in thousands ("1 000 000 000"). A candidate
 * spans at most 32 characters and the scan resumes after it, so the scan is linear.
 */
public final class PhoneScanner implements PiiScanner {
  public static final String NAME = "pii_phone";
  private static final int MAX_SPAN = 32;
  private static final int MAX_DIGITS = 15;

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String placeholder() {
    return "<PHONE>";
  }

  @Override
  public void scan(String text, SpanSink sink) {
    int n = text.length();
    int[] groupLengths = new int[MAX_DIGITS + 1];
    int i = 0;
    while (i < n) {
      char c = text.charAt(i);
      boolean plus = c == '+' && i + 1 < n && Chars.isDigit(text.charAt(i + 1));
      boolean paren = c == '(' && i + 1 < n && Chars.isDigit(text.charAt(i + 1));
      if (!(plus || paren || Chars.isDigit(c)) || (i > 0 && touches(text.charAt(i - 1)))) {
        i++;
        continue;
      }
      int j = plus ? i + 1 : i;
      int digits = 0;
      int groups = 0;
      int groupLen = 0;
      int separators = 0;
      int openParen = -1;
      boolean parenUsed = false;
      boolean ok = true;
      int end = j;
      int limit = Math.min(n, i + MAX_SPAN);
      while (j < limit) {
        char d = text.charAt(j);
        if (Chars.isDigit(d)) {
          if (++digits > MAX_DIGITS) {
            ok = false;
            break;
          }
          groupLen++;
          end = j + 1;
          j++;
          continue;
        }
        if (groupLen > 0 && openParen < 0) {
          groupLengths[groups++] = groupLen;
          groupLen = 0;
        }
        if (d == '(' && !parenUsed && openParen < 0 && groupLen == 0) {
          openParen = j;
          parenUsed = true;
          j++;
          continue;
        }
        if (d == ')' && openParen >= 0) {
          if (groupLen == 0 || groupLen > 4) {
            ok = false;
            break;
          }
          groupLengths[groups++] = groupLen;
          groupLen = 0;
          openParen = -1;
          separators++;
          end = j + 1;
          j++;
          continue;
        }
        boolean sep = d == ' ' || d == '-' || d == '.';
        if (sep && openParen < 0 && j + 1 < n
            && (Chars.isDigit(text.charAt(j + 1)) || text.charAt(j + 1) == '('
                || (d == ' ' || text.charAt(j + 1) == ' ') && j + 2 < n
                    && Chars.isDigit(text.charAt(j + 2)))) {
          separators++;
          j++;
          continue;
        }
        break;
      }
      if (groupLen > 0) {
        groupLengths[groups++] = groupLen;
      }
      if (ok && openParen < 0 && Chars.continuesAt(text, end)) {
        ok = false;
      }
      if (ok && openParen < 0 && looksLikePhone(plus, digits, groups, separators, groupLengths)) {
        sink.accept(i, end);
      }
      i = Math.max(end, i + 1);
      while (i < n && (Chars.isDigit(text.charAt(i)))) {
        i++;
      }
    }
  }

  private static boolean looksLikePhone(
      boolean plus, int digits, int groups, int separators, int[] groupLengths) {
    if (plus) {
      return digits >= 8 && digits <= MAX_DIGITS;
    }
    if (digits < 10 || digits > 11 || groups < 2 || separators == 0) {
      return false;
    }
    // "1 000 000 000": thousands grouping, not a phone number.
    boolean thousands = groupLengths[0] <= 3;
    for (int g = 1; g < groups && thousands; g++) {
      thousands = groupLengths[g] == 3;
    }
    return !thousands;
  }

  private static boolean touches(char c) {
    return Chars.isWordChar(c) || c == '.' || c == ',' || c == '+' || c == '-' || c == '/'
        || c == ':';
  }
}
