package org.winnow.ingest.http;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The charset an HTML page declares in its first bytes: {@code <meta charset>}, the
 * {@code http-equiv="Content-Type"} form, or an XML declaration (XHTML).
 */
public final class MetaCharset {
  /** Browsers prescan 1024 bytes; real pages put long scripts first, so look a little further. */
  public static final int SCAN_BYTES = 4096;

  private static final Pattern META =
      Pattern.compile(
          "<meta\\s[^>]*?charset\\s*=\\s*[\"']?\\s*([a-z0-9._:\\-]+)", Pattern.CASE_INSENSITIVE);
  private static final Pattern XML_DECL =
      Pattern.compile(
          "^\\s*<\\?xml[^>]*?encoding\\s*=\\s*[\"']([a-z0-9._\\-]+)", Pattern.CASE_INSENSITIVE);

  private MetaCharset() {}

  /** The declared label, or empty. A declared UTF-16 means UTF-8 (the page was read as bytes). */
  public static Optional<String> sniff(byte[] bytes, int from) {
    int to = Math.min(bytes.length, from + SCAN_BYTES);
    // ISO-8859-1 maps every byte to one char, so offsets and ASCII markup survive any charset.
    String head = new String(bytes, from, to - from, StandardCharsets.ISO_8859_1);
    Matcher m = META.matcher(head);
    Optional<String> label = Optional.empty();
    if (m.find()) {
      label = Optional.of(m.group(1));
    } else {
      Matcher x = XML_DECL.matcher(head);
      if (x.find()) {
        label = Optional.of(x.group(1));
      }
    }
    return label.map(l -> l.toLowerCase(Locale.ROOT).startsWith("utf-16") ? "utf-8" : l);
  }
}
