package org.winnow.ingest.http;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Charset labels as pages write them, resolved the way browsers resolve them (WHATWG Encoding):
 * a page labelled ISO-8859-1 or US-ASCII is decoded as windows-1252, GB2312 as GB18030, and so
 * on, because that is what authors of such pages saw and meant.
 */
public final class CharsetLabels {
  private static final Map<String, String> SUPERSETS =
      Map.ofEntries(
          Map.entry("iso-8859-1", "windows-1252"),
          Map.entry("iso8859-1", "windows-1252"),
          Map.entry("iso_8859-1", "windows-1252"),
          Map.entry("latin1", "windows-1252"),
          Map.entry("l1", "windows-1252"),
          Map.entry("cp819", "windows-1252"),
          Map.entry("us-ascii", "windows-1252"),
          Map.entry("ascii", "windows-1252"),
          Map.entry("iso-8859-9", "windows-1254"),
          Map.entry("latin5", "windows-1254"),
          Map.entry("iso-8859-11", "x-windows-874"),
          Map.entry("tis-620", "x-windows-874"),
          Map.entry("gb2312", "GB18030"),
          Map.entry("gbk", "GB18030"),
          Map.entry("x-gbk", "GB18030"),
          Map.entry("euc-cn", "GB18030"),
          Map.entry("big5", "Big5-HKSCS"),
          Map.entry("shift_jis", "windows-31j"),
          Map.entry("shift-jis", "windows-31j"),
          Map.entry("sjis", "windows-31j"),
          Map.entry("x-sjis", "windows-31j"),
          Map.entry("euc-kr", "x-windows-949"),
          Map.entry("ks_c_5601-1987", "x-windows-949"),
          Map.entry("utf8", "UTF-8"),
          Map.entry("unicode-1-1-utf-8", "UTF-8"),
          Map.entry("utf-16", "UTF-16LE"),
          Map.entry("unicode", "UTF-16LE"));

  private CharsetLabels() {}

  /** The charset a label names, or empty when the JVM does not know it. */
  public static Optional<Charset> resolve(String label) {
    String l = label.trim().toLowerCase(Locale.ROOT);
    if (l.isEmpty()) {
      return Optional.empty();
    }
    String name = SUPERSETS.getOrDefault(l, l);
    if (name.equals("utf-8")) {
      return Optional.of(StandardCharsets.UTF_8);
    }
    try {
      return Charset.isSupported(name) ? Optional.of(Charset.forName(name)) : Optional.empty();
    } catch (IllegalArgumentException e) {
      // An illegal name in a page is just an unknown label.
      return Optional.empty();
    }
  }
}
