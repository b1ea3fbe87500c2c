package org.winnow.dedup.exact;

import org.winnow.core.hash.StableHash;
import org.winnow.core.text.TextNormalizer;

/**
 * The keys of exact deduplication: 128-bit hashes (32 hex digits) of a document's text after
 * core's matching normalisation, and of its URL after {@link UrlNormalizer}. 128 bits keep the
 * chance of two different texts sharing a key negligible at a trillion documents.
 */
public final class ExactKeys {
  private ExactKeys() {}

  /** Key of the text: equal for texts that differ only in case, width, punctuation, spacing. */
  public static String text(String text) {
    return StableHash.hex128(TextNormalizer.forMatching(text));
  }

  /** Key of the URL: equal for URLs that {@link UrlNormalizer} maps to the same form. */
  public static String url(String url) {
    return StableHash.hex128(UrlNormalizer.normalize(url));
  }
}
