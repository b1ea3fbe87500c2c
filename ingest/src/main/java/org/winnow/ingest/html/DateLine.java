package org.winnow.ingest.html;

/**
 * Recognises a block that is only a date or a time ("23.10.2018", "Tuesday, 4 June 2019",
 * "3:59 PM", "2019年6月14日"): the stamp of a post or a comment, never a sentence of the text.
 * One scan of a short block, no pattern per language: two numbers or a year, and at most three
 * short words (month and day names, "Uhr", "PM", CJK date characters).
 */
final class DateLine {
  private static final int MAX_WEIGHT = 30;
  private static final int MAX_WORDS = 3;
  private static final int MAX_WORD_LENGTH = 10;

  private DateLine() {}

  /** Headings, table cells and list items are left alone: a table of figures is text. */
  static boolean is(TextBlock block) {
    TagKind kind = block.kind();
    if (block.weight() > MAX_WEIGHT
        || kind == TagKind.CELL || kind == TagKind.LIST_ITEM || kind == TagKind.HEADING) {
      return false;
    }
    String text = block.text();
    int numbers = 0;
    int longestNumber = 0;
    int digits = 0;
    int words = 0;
    int wordLength = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isDigit(c)) {
        if (digits == 0) {
          numbers++;
        }
        digits++;
        longestNumber = Math.max(longestNumber, digits);
        wordLength = 0;
        continue;
      }
      digits = 0;
      if (Character.isLetter(c)) {
        if (wordLength == 0) {
          words++;
        }
        wordLength++;
        if (wordLength > MAX_WORD_LENGTH || words > MAX_WORDS) {
          return false;
        }
      } else {
        wordLength = 0;
      }
    }
    // Day and month, hour and minute, or at least a year: "Chapter 121" is not a date.
    return numbers >= 2 || (numbers == 1 && longestNumber == 4);
  }
}
