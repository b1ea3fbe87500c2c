package org.winnow.ingest.http;

import java.util.Optional;

/** The content types the ingest stage turns into documents: the allowlist. */
public enum PageKind {
  /** {@code text/html} and {@code application/xhtml+xml}: main text is extracted. */
  HTML,
  /** {@code text/plain}: the decoded text is the document text. */
  TEXT;

  /** The kind of a media type base ({@code text/html}), or empty when it is not allowed. */
  public static Optional<PageKind> of(String mediaTypeBase) {
    switch (mediaTypeBase) {
      case "text/html", "application/xhtml+xml" -> {
        return Optional.of(HTML);
      }
      case "text/plain" -> {
        return Optional.of(TEXT);
      }
      default -> {
        return Optional.empty();
      }
    }
  }
}
