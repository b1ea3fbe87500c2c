package org.winnow.filter.testdata;

import java.util.regex.Pattern;

/**
 * A deliberately crude HTML-to-text for test data: drops scripts, styles and comments, turns
 * block tags into line breaks and other tags into nothing, decodes a few entities. The result
 * is the kind of boilerplate-laden text a naive extractor produces.
 */
final class HtmlText {
  private static final Pattern DROP = Pattern.compile(
      "(?is)<(script|style|noscript)\\b[^>]*>.*?</\\1\\s*>|<!--.*?-->");
  private static final Pattern BLOCK = Pattern.compile(
      "(?i)</?(p|div|br|li|ul|ol|h[1-6]|tr|table|section|article|header|footer|nav|title)\\b[^>]*>");
  private static final Pattern TAG = Pattern.compile("<[^>]*>");
  private static final Pattern SPACES = Pattern.compile("[ \\t\\x0B\\f\\r]+");
  private static final Pattern BLANKS = Pattern.compile("\\n\\s*\\n\\s*(\\n\\s*)*");

  private HtmlText() {}

  static String visibleText(String html) {
    String s = DROP.matcher(html).replaceAll(" ");
    s = BLOCK.matcher(s).replaceAll("\n");
    s = TAG.matcher(s).replaceAll(" ");
    s = s.replace("&nbsp;", " ").replace("&amp;", "&").replace("&lt;", "<").replace("&gt;", ">")
        .replace("&quot;", "\"").replace("&#39;", "'");
    s = SPACES.matcher(s).replaceAll(" ");
    StringBuilder out = new StringBuilder();
    for (String line : s.split("\n")) {
      String t = line.strip();
      out.append(t).append('\n');
    }
    return BLANKS.matcher(out.toString().strip()).replaceAll("\n\n");
  }
}
