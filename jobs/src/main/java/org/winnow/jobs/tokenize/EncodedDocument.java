package org.winnow.jobs.tokenize;

import org.winnow.core.ledger.Fate;

/**
 * What became of one input document: kept (its tokens went to its split's {@link
 * SplitDocuments}), removed (a train document that overlaps the held-out split) or rejected,
 * the last two with a reason code and a detail that says why.
 *
 * @param docId the document id ({@code ""} when the input had none)
 * @param source the dataset name from the document's source column
 * @param heldOut whether it belongs to the held-out split
 * @param tokenCount its tokens, end-of-text included; 0 unless kept
 * @param nBytes UTF-8 bytes of the text
 * @param fate kept, removed or rejected
 * @param reason the removal or reject reason code; null when kept
 * @param detail why, for the {@code _removed/} or {@code _rejected/} dataset; null when kept
 */
record EncodedDocument(String docId, String source, boolean heldOut, int tokenCount,
    long nBytes, Fate fate, String reason, String detail) {

  static EncodedDocument kept(String docId, String source, boolean heldOut, int tokenCount,
      long nBytes) {
    return new EncodedDocument(docId, source, heldOut, tokenCount, nBytes, Fate.KEPT, null, null);
  }

  static EncodedDocument removed(String docId, String source, long nBytes, String reason,
      String detail) {
    return new EncodedDocument(docId, source, false, 0, nBytes, Fate.REMOVED, reason, detail);
  }

  static EncodedDocument rejected(String docId, String source, long nBytes, String reason,
      String detail) {
    return new EncodedDocument(docId, source, false, 0, nBytes, Fate.REJECTED, reason, detail);
  }

  boolean isKept() {
    return fate == Fate.KEPT;
  }
}
