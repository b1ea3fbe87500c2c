package org.winnow.ingest.http;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Whether a payload without a Content-Type is HTML, by the WHATWG MIME Sniffing rule: after
 * leading whitespace, one of the tags that open HTML documents, followed by a space or {@code >}.
 */
public final class HtmlSniffer {
  private static final String[] OPENERS = {
    "<!doctype html", "<html", "<head", "<script", "<iframe", "<h1", "<div", "<font", "<table",
    "<a", "<style", "<title", "<b", "<body", "<br", "<p", "<!--"
  };

  private HtmlSniffer() {}

  public static boolean looksLikeHtml(byte[] bytes) {
    int i = 0;
    if (bytes.length >= 3 && (bytes[0] & 0xff) == 0xef && (bytes[1] & 0xff) == 0xbb
        && (bytes[2] & 0xff) == 0xbf) {
      i = 3;
    }
    while (i < bytes.length && (bytes[i] == ' ' || bytes[i] == '\t' || bytes[i] == '\n'
        || bytes[i] == '\r' || bytes[i] == '\f')) {
      i++;
    }
    int end = Math.min(bytes.length, i + 32);
    String head = new String(bytes, i, end - i, StandardCharsets.ISO_8859_1).toLowerCase(Locale.ROOT);
    for (String opener : OPENERS) {
      if (head.startsWith(opener)) {
        if (opener.equals("<!--")) {
          return true;
        }
        if (head.length() > opener.length()) {
          char next = head.charAt(opener.length());
          if (next == ' ' || next == '>') {
            return true;
          }
        }
      }
    }
    return false;
  }
}
