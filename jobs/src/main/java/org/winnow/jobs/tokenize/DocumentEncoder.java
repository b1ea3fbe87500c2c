package org.winnow.jobs.tokenize;

import it.unimi.dsi.fastutil.ints.IntArrayList;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.winnow.core.hash.StableHash;
import org.winnow.tokenizer.MalformedUtf8Exception;
import org.winnow.tokenizer.Tokenizer;

/**
 * Encodes documents one at a time inside a task: kept, their tokens (end-of-text appended)
 * added to their split's {@link SplitDocuments}; removed, a train document that the
 * {@link ContaminationTest} finds overlapping the held-out split; or rejected with a reason. The text arrives as the stored bytes so that invalid UTF-8 is seen
 * and rejected here: Spark's string conversion would silently turn it into U+FFFD, and the
 * shards would then hold tokens of text that was never in the input.
 *
 * <p>Keeps nothing between documents; the tokenizer keeps its scratch state per thread.
 */
final class DocumentEncoder {
  private final Tokenizer tokenizer;
  private final int eot;
  private final DocumentPlacement placement;
  private final long maxDocumentBytes;
  private final ContaminationTest contamination;
  private final String removalReason;

  DocumentEncoder(Tokenizer tokenizer, DocumentPlacement placement, long maxDocumentBytes) {
    this(tokenizer, placement, maxDocumentBytes, null, null);
  }

  /**
   * @param contamination tests each train document that encoded without error; null for none
   * @param removalReason the ledger reason of the documents it finds
   */
  DocumentEncoder(Tokenizer tokenizer, DocumentPlacement placement, long maxDocumentBytes,
      ContaminationTest contamination, String removalReason) {
    this.tokenizer = tokenizer;
    this.eot = tokenizer.endOfTextId().orElseThrow(() -> new IllegalStateException(
        tokenizer.identity().name() + " has no <|endoftext|> token"));
    this.placement = placement;
    this.maxDocumentBytes = maxDocumentBytes;
    this.contamination = contamination;
    this.removalReason = removalReason;
  }

  /**
   * @param docId the id column, possibly null
   * @param source the source column, possibly null (written as {@code ""})
   * @param text holds the stored bytes of the text column at {@code [offset, offset + length)}
   *     (where Spark's row keeps them: not copied out), or is null
   * @param train where a kept training document goes
   * @param heldout where a kept held-out document goes
   */
  EncodedDocument encode(String docId, String source, byte[] text, int offset, int length,
      SplitDocuments train, SplitDocuments heldout) {
    String src = source == null ? "" : source;
    long nBytes = text == null ? 0 : length;
    if (docId == null || docId.isEmpty()) {
      return EncodedDocument.rejected("", src, nBytes, RejectReasons.MISSING_ID,
          "the id column is " + (docId == null ? "null" : "empty"));
    }
    if (text == null) {
      return EncodedDocument.rejected(docId, src, 0, RejectReasons.MISSING_TEXT,
          "the text column is null");
    }
    if (length == 0) {
      return EncodedDocument.rejected(docId, src, 0, RejectReasons.EMPTY_TEXT, "no text");
    }
    if (length > maxDocumentBytes) {
      return EncodedDocument.rejected(docId, src, nBytes, RejectReasons.TOO_LARGE,
          length + " bytes of text, more than the limit of " + maxDocumentBytes);
    }
    boolean heldOut = placement.heldOut(docId);
    SplitDocuments split = heldOut ? heldout : train;
    IntArrayList tokens = split.tokenSink();
    int before = tokens.size();
    try {
      // Encoded from the stored bytes, which the encoder checks before it appends anything.
      tokenizer.encodeUtf8(text, offset, length, tokens);
    } catch (MalformedUtf8Exception e) {
      return EncodedDocument.rejected(docId, src, nBytes, RejectReasons.INVALID_UTF8,
          e.getMessage());
    }
    // Tested after encoding, whose check has passed the bytes as UTF-8: few documents are
    // removed, so dropping their tokens costs less than checking every document twice.
    if (!heldOut && contamination != null) {
      Optional<String> overlap =
          contamination.overlap(new String(text, offset, length, StandardCharsets.UTF_8));
      if (overlap.isPresent()) {
        tokens.size(before);
        return EncodedDocument.removed(docId, src, nBytes, removalReason, overlap.get());
      }
    }
    tokens.add(eot);
    int count = split.add(docId, src, placement.shuffleKey(docId), StableHash.hash64(text, offset, length),
        nBytes);
    return EncodedDocument.kept(docId, src, heldOut, count, nBytes);
  }
}
