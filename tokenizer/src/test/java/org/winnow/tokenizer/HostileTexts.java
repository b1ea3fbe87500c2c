package org.winnow.tokenizer;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;

/** Texts built to break tokenizers, by name. */
public final class HostileTexts {

  private HostileTexts() {}

  /** Every hostile text, lone surrogates included. */
  public static Map<String, String> all() {
    Map<String, String> texts = new LinkedHashMap<>(withoutLoneSurrogates());
    texts.putAll(loneSurrogates());
    return texts;
  }

  /** Texts that are valid UTF-16. */
  public static Map<String, String> withoutLoneSurrogates() {
    Map<String, String> t = new LinkedHashMap<>();
    t.put("empty", "");
    t.put("one space", " ");
    t.put("spaces", " ".repeat(1000));
    t.put("newlines", "\n".repeat(1000));
    t.put("crlf", "\r\n".repeat(300));
    t.put("spaces then word", " ".repeat(500) + "word" + " ".repeat(3) + "end");
    t.put("trailing newline and spaces", "text\n   \n  ");
    t.put("trailing spaces", "text   ");
    t.put("mixed whitespace", "a \t\n \u000B\f\r\n\u0085\u00A0\u1680\u2000\u2001\u200A\u2028\u2029\u202F\u205F\u3000 b\t\t\n\n  \n");
    t.put("not white space", "a\u001C\u001D\u001E\u001F\u180E\u200B\uFEFFb");
    t.put("tabs and words", "\tif (x) {\n\t\treturn y;\n\t}\n");
    t.put("indented code", "def f(x):\n    return x  \n\n\n    pass\n");
    t.put("emoji zwj", "family \uD83D\uDC68\u200D\uD83D\uDC69\u200D\uD83D\uDC67\u200D\uD83D\uDC66 and "
        + "\uD83C\uDFF3\uFE0F\u200D\uD83C\uDF08 flag \uD83C\uDDEA\uD83C\uDDFA thumbs \uD83D\uDC4D\uD83C\uDFFD!");
    t.put("emoji run", "\uD83D\uDE00".repeat(300));
    t.put("combining marks", "e\u0301\u0301\u0301 a\u0308 Z\u0351\u0352\u0353\u0354\u0355\u0356a\u035B\u035C\u035D"
        + "l\u0360\u0361\u0362g\u0363\u0364o \u0915\u094D\u0937\u093F \u0e01\u0e34\u0e48 \u1100\u1161\u11A8");
    t.put("marks after space", " \u0301x \u0301\u0301 \u0301'S \u20DD9 \u0903A");
    t.put("contractions", "it's IT'S it'S he'll HE'LL we've WE'VE they're I'm I'd 'ſ 'ſt 'Ll 'lL don't '''s x's's");
    t.put("numbers", "1234567890".repeat(20) + " 3.14159 1,000,000 \u0663\u0664\u0665 \u2160\u2161 \u00B2\u00B3 1\u00BD");
    t.put("rtl", "\u05E9\u05DC\u05D5\u05DD \u0645\u0631\u062D\u0628\u0627 \u202Eevil\u202C \u200F\u200E\u061C");
    t.put("cjk", "\u4E2D\u6587\u6587\u672C\u3002\u65E5\u672C\u8A9E\u306E\u30C6\u30AD\u30B9\u30C8\uFF01\uD55C\uAD6D\uC5B4");
    t.put("zero width", "a\u200Bb\u200Cc\u200Dd\u2060e\uFEFFf");
    t.put("special token text", "<|endoftext|> <|fim_prefix|><|endofprompt|> <|endoftext|");
    t.put("punctuation runs", "!!!???...,,,;;;::: --- /// \\\\ ((( ))) [[[ ]]] {{{ }}} @#$%^&*~`|+=<>\n/\n//");
    t.put("control characters", "a\u0000b\u0001\u0007\u001Bc\u007F\u0080\u009F");
    t.put("noncharacters and private use", "\uFFFE\uFFFF\uE000\uF8FF\uDB80\uDC00\uDBFF\uDFFF x");
    t.put("replacement characters", "\uFFFD\uFFFD abc\uFFFD");
    t.put("supplementary letters", "\uD801\uDC00\uD801\uDC28 \uD835\uDC00\uD835\uDC1A \uD835\uDFCE\uD835\uDFCF \uD834\uDD67");
    t.put("every category", everyCategory());
    t.put("every category spaced", everyCategory().replaceAll("(.)", "$1 "));
    t.put("random word 100k", randomWord(100_000, 7));
    return t;
  }

  /** Texts with unpaired surrogates, which a Java string can hold and UTF-8 cannot. */
  public static Map<String, String> loneSurrogates() {
    Map<String, String> t = new LinkedHashMap<>();
    t.put("lone high", "\uD800");
    t.put("lone low in word", "a\uDC00b");
    t.put("high at end", "text \uD83D");
    t.put("reversed pair", "\uDE00\uD83D x");
    t.put("surrogates and letters", "ab\uD800cd \uDFFF'\uD800s \uD800\uD800 \uDC00\n");
    return t;
  }

  /** A single word of {@code length} random lower-case letters. */
  public static String randomWord(int length, long seed) {
    Random random = new Random(seed);
    char[] chars = new char[length];
    for (int i = 0; i < length; i++) {
      chars[i] = (char) ('a' + random.nextInt(26));
    }
    return new String(chars);
  }

  /**
   * Up to eight code points of every Unicode general category (of the running JVM's Unicode
   * version), taken from across the code space.
   */
  public static String everyCategory() {
    StringBuilder sb = new StringBuilder();
    int[] taken = new int[32];
    for (int cp = 0; cp <= Character.MAX_CODE_POINT; cp += 7) {
      int type = Character.getType(cp);
      if (type == Character.SURROGATE || type == Character.UNASSIGNED) {
        continue;
      }
      if (taken[type] < 8) {
        taken[type]++;
        sb.appendCodePoint(cp);
      }
    }
    return sb.toString();
  }
}
