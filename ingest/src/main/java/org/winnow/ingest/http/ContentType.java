package org.winnow.ingest.http;

import java.util.Locale;
import java.util.Optional;

/**
 * A parsed {@code Content-Type} value: the lower-case media type without parameters, and the
 * charset parameter when there is one. Parsing is lenient, as browsers are: junk after the media
 * type is ignored, and a value without a slash has an empty base.
 *
 * @param base    e.g. {@code text/html}; empty when the value names no media type
 * @param charset the {@code charset} parameter, unquoted, as written
 */
public record ContentType(String base, Optional<String> charset) {

  public static ContentType parse(String value) {
    String[] parts = value.split(";");
    String base = parts[0].trim().toLowerCase(Locale.ROOT);
    if (base.indexOf('/') <= 0) {
      base = "";
    }
    Optional<String> charset = Optional.empty();
    for (int i = 1; i < parts.length; i++) {
      String param = parts[i].trim();
      int eq = param.indexOf('=');
      if (eq > 0 && param.substring(0, eq).trim().equalsIgnoreCase("charset")) {
        String v = unquote(param.substring(eq + 1).trim());
        if (!v.isEmpty()) {
          charset = Optional.of(v);
        }
      }
    }
    return new ContentType(base, charset);
  }

  private static String unquote(String v) {
    if (v.length() >= 2 && (v.charAt(0) == '"' || v.charAt(0) == '\'')) {
      int end = v.indexOf(v.charAt(0), 1);
      return (end > 0 ? v.substring(1, end) : v.substring(1)).trim();
    }
    return v;
  }
}
