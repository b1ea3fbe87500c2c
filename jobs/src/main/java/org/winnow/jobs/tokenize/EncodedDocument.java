package org.winnow.jobs.tokenize;

import java.io.Serializable;
import java.util.Comparator;

/**
 * One input document after encoding: kept (with its tokens, ending with the end-of-text id) or
 * rejected (with a reason code and a detail that says where).
 *
 * @param docId the document id ({@code ""} when the input had none)
 * @param source the dataset name from the document's source column
 * @param heldOut whether it belongs to the held-out split
 * @param shuffleKey its place in its task's shard files ({@link DocumentPlacement#shuffleKey})
 * @param textHash a hash of the text's bytes, to order documents that share an id
 * @param tokens the token ids, end-of-text last; null when rejected
 * @param nBytes UTF-8 bytes of the text
 * @param reason the reject reason code; null when kept
 * @param detail what was wrong, for the {@code _rejected/} dataset; null when kept
 */
public record EncodedDocument(String docId, String source, boolean heldOut, long shuffleKey,
    long textHash, int[] tokens, long nBytes, String reason, String detail)
    implements Serializable {

  /**
   * The order of kept documents within a task's shard files: by shuffle key, so that a shard is
   * not in the order the documents were crawled in, then by id and a hash of the text, so that
   * the order is total and every rerun writes the same rows in the same order.
   */
  static final Comparator<EncodedDocument> SHARD_ORDER =
      Comparator.comparingLong(EncodedDocument::shuffleKey)
          .thenComparing(EncodedDocument::docId)
          .thenComparingLong(EncodedDocument::textHash);

  static EncodedDocument kept(String docId, String source, boolean heldOut, long shuffleKey,
      long textHash, int[] tokens, long nBytes) {
    return new EncodedDocument(docId, source, heldOut, shuffleKey, textHash, tokens, nBytes, null,
        null);
  }

  static EncodedDocument rejected(String docId, String source, long nBytes, String reason,
      String detail) {
    return new EncodedDocument(docId, source, false, 0, 0, null, nBytes, reason, detail);
  }

  public boolean isKept() {
    return reason == null;
  }
}
