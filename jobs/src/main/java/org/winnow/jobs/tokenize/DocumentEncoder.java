package org.winnow.jobs.tokenize;

import it.unimi.dsi.fastutil.ints.IntArrayList;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import org.winnow.core.hash.StableHash;
import org.winnow.tokenizer.Tokenizer;

/**
 * Encodes documents one at a time inside a task: kept, their tokens (end-of-text appended)
 * added to their split's {@link SplitDocuments}, or rejected with a reason. The text arrives as the stored bytes so that invalid UTF-8 is seen
 * and rejected here: Spark's string conversion would silently turn it into U+FFFD, and the
 * shards would then hold tokens of text that was never in the input.
 *
 * <p>One per task, not thread-safe: the strict decoder is reused from document to document.
 */
final class DocumentEncoder {
  private final Tokenizer tokenizer;
  private final int eot;
  private final DocumentPlacement placement;
  private final long maxDocumentBytes;
  private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
      .onMalformedInput(CodingErrorAction.REPORT)
      .onUnmappableCharacter(CodingErrorAction.REPORT);

  DocumentEncoder(Tokenizer tokenizer, DocumentPlacement placement, long maxDocumentBytes) {
    this.tokenizer = tokenizer;
    this.eot = tokenizer.endOfTextId().orElseThrow(() -> new IllegalStateException(
        tokenizer.identity().name() + " has no <|endoftext|> token"));
    this.placement = placement;
    this.maxDocumentBytes = maxDocumentBytes;
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
    // The String constructor is the fast decoder (ASCII is a plain copy) but turns malformed
    // bytes into U+FFFD; only text that holds U+FFFD, rare and never in Latin-1 strings, pays
    // for the strict decoder that tells a real U+FFFD from a malformed sequence.
    String decoded = new String(text, offset, length, StandardCharsets.UTF_8);
    int malformedAt =
        decoded.indexOf('\uFFFD') < 0 ? -1 : firstMalformedByte(text, offset, length);
    if (malformedAt >= 0) {
      return EncodedDocument.rejected(docId, src, nBytes, RejectReasons.INVALID_UTF8,
          "invalid UTF-8 at byte offset " + malformedAt + " of " + length);
    }
    boolean heldOut = placement.heldOut(docId);
    SplitDocuments split = heldOut ? heldout : train;
    IntArrayList tokens = split.tokenSink();
    tokenizer.encode(decoded, tokens);
    tokens.add(eot);
    int count = split.add(docId, src, placement.shuffleKey(docId), StableHash.hash64(text, offset, length),
        nBytes);
    return EncodedDocument.kept(docId, src, heldOut, count, nBytes);
  }

  /** The offset of the first malformed UTF-8 sequence in {@code text[offset, +length)}, or -1. */
  private int firstMalformedByte(byte[] text, int offset, int length) {
    decoder.reset();
    ByteBuffer in = ByteBuffer.wrap(text, offset, length);
    CharBuffer out = CharBuffer.allocate(Math.min(length, 1 << 16));
    CoderResult r;
    // With the whole input given, decoding stops at an error or, once all is read, underflows.
    while ((r = decoder.decode(in, out.clear(), true)).isOverflow()) {
      // only the verdict matters, not the characters
    }
    if (!r.isError()) {
      r = decoder.flush(out.clear());
    }
    return r.isError() ? in.position() - offset : -1;
  }
}
