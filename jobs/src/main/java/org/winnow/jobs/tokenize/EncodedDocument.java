package org.winnow.jobs.tokenize;

/**
 * What became of one input document: kept (its tokens went to its split's {@link
 * SplitDocuments}) or rejected (with a reason code and a detail that says where).
 *
 * @param docId the document id ({@code ""} when the input had none)
 * @param source the dataset name from the document's source column
 * @param heldOut whether it belongs to the held-out split
 * @param tokenCount its tokens, end-of-text included; 0 when rejected
 * @param nBytes UTF-8 bytes of the text
 * @param reason the reject reason code; null when kept
 * @param detail what was wrong, for the {@code _rejected/} dataset; null when kept
 */
record EncodedDocument(String docId, String source, boolean heldOut, int tokenCount,
    long nBytes, String reason, String detail) {

  static EncodedDocument kept(String docId, String source, boolean heldOut, int tokenCount,
      long nBytes) {
    return new EncodedDocument(docId, source, heldOut, tokenCount, nBytes, null, null);
  }

  static EncodedDocument rejected(String docId, String source, long nBytes, String reason,
      String detail) {
    return new EncodedDocument(docId, source, false, 0, nBytes, reason, detail);
  }

  boolean isKept() {
    return reason == null;
  }
}
