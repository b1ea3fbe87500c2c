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
 * Encodes documents one at a time inside a task: kept with their tokens (end-of-text appended)
 * or rejected with a reason. The text arrives as the stored bytes so that invalid UTF-8 is seen
 * and rejected here: Spark's string conversion would silently turn it into U+FFFD, and the
 * shards would then hold tokens of text that was never in the input.
 *
 * <p>One per task, not thread-safe: the decoder, its character buffer and the id list are
 * reused from document to document, so a document costs its String and its token array only.
 */
final class DocumentEncoder {
  private static final int REUSED_CHARS = 1 << 20;

  private final Tokenizer tokenizer;
  private final int eot;
  private final DocumentPlacement placement;
  private final long maxDocumentBytes;
  private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
      .onMalformedInput(CodingErrorAction.REPORT)
      .onUnmappableCharacter(CodingErrorAction.REPORT);
  private final IntArrayList ids = new IntArrayList();
  private final CharBuffer reused = CharBuffer.allocate(REUSED_CHARS);

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
   * @param text the stored bytes of the text column, possibly null
   */
  EncodedDocument encode(String docId, String source, byte[] text) {
    String src = source == null ? "" : source;
    long nBytes = text == null ? 0 : text.length;
    if (docId == null || docId.isEmpty()) {
      return EncodedDocument.rejected("", src, nBytes, RejectReasons.MISSING_ID,
          "the id column is " + (docId == null ? "null" : "empty"));
    }
    if (text == null) {
      return EncodedDocument.rejected(docId, src, 0, RejectReasons.MISSING_TEXT,
          "the text column is null");
    }
    if (text.length == 0) {
      return EncodedDocument.rejected(docId, src, 0, RejectReasons.EMPTY_TEXT, "no text");
    }
    if (text.length > maxDocumentBytes) {
      return EncodedDocument.rejected(docId, src, nBytes, RejectReasons.TOO_LARGE,
          text.length + " bytes of text, more than the limit of " + maxDocumentBytes);
    }
    // UTF-8 never needs more UTF-16 units than bytes. The reused buffer stays small; a rare
    // large document gets a buffer of its own rather than pinning its size for the whole task.
    CharBuffer chars = text.length <= REUSED_CHARS ? reused : CharBuffer.allocate(text.length);
    chars.clear();
    decoder.reset();
    ByteBuffer in = ByteBuffer.wrap(text);
    CoderResult r = decoder.decode(in, chars, true);
    if (!r.isError()) {
      r = decoder.flush(chars);
    }
    if (r.isError()) {
      return EncodedDocument.rejected(docId, src, nBytes, RejectReasons.INVALID_UTF8,
          "invalid UTF-8 at byte offset " + in.position() + " of " + text.length);
    }
    String decoded = chars.flip().toString();
    ids.clear();
    tokenizer.encode(decoded, ids);
    ids.add(eot);
    return EncodedDocument.kept(docId, src, placement.heldOut(docId),
        placement.shuffleKey(docId), StableHash.hash64(text), ids.toIntArray(), nBytes);
  }
}
