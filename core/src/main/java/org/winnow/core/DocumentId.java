package org.winnow.core;

import org.winnow.core.hash.StableHash;

/**
 * The stable document id: a 128-bit hash of the URL and the content digest, so the same capture
 * gets the same id in every run, and two captures of one URL with different content do not collide.
 */
public final class DocumentId {
  private DocumentId() {}

  /**
   * @param url           the captured URL, as recorded
   * @param contentDigest the payload digest of the capture (e.g. WARC-Payload-Digest), or any
   *                      stable digest of the content when the record carries none
   */
  public static String of(String url, String contentDigest) {
    // A separator that cannot occur in a URL keeps ("a", "bc") and ("ab", "c") apart.
    return StableHash.hex128(url + '\n' + contentDigest);
  }
}
