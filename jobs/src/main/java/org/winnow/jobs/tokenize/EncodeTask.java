package org.winnow.jobs.tokenize;

import it.unimi.dsi.fastutil.ints.IntArrayList;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Row;
import org.winnow.core.hash.StableHash;
import org.winnow.jobs.spark.JobCounters;
import org.winnow.tokenizer.Tokenizer;

/**
 * Encodes one partition of documents, given as rows of {@code (id, source, text as bytes)}. The
 * text arrives as the stored bytes so that invalid UTF-8 is seen and rejected here: Spark's
 * string conversion would silently turn it into U+FFFD, and the shards would then hold tokens of
 * text that was never in the input.
 */
final class EncodeTask implements FlatMapFunction<Iterator<Row>, EncodedDocument> {
  private static final long serialVersionUID = 1L;

  private final Broadcast<TokenizerSource> vocabulary;
  private final DocumentPlacement placement;
  private final long maxDocumentBytes;
  private final JobCounters counters;

  EncodeTask(Broadcast<TokenizerSource> vocabulary, DocumentPlacement placement,
      long maxDocumentBytes, JobCounters counters) {
    this.vocabulary = vocabulary;
    this.placement = placement;
    this.maxDocumentBytes = maxDocumentBytes;
    this.counters = counters;
  }

  @Override
  public Iterator<EncodedDocument> call(Iterator<Row> rows) {
    Tokenizer tokenizer = vocabulary.value().tokenizer();
    int eot = tokenizer.endOfTextId().orElseThrow(() -> new IllegalStateException(
        tokenizer.identity().name() + " has no <|endoftext|> token"));
    CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    IntArrayList ids = new IntArrayList();
    return new Iterator<>() {
      @Override
      public boolean hasNext() {
        return rows.hasNext();
      }

      @Override
      public EncodedDocument next() {
        Row row = rows.next();
        EncodedDocument d = encode(row.getString(0), row.getString(1),
            row.isNullAt(2) ? null : (byte[]) row.get(2), tokenizer, eot, decoder, ids);
        counters.records().add(1);
        counters.bytes().add(d.nBytes());
        return d;
      }
    };
  }

  private EncodedDocument encode(String docId, String source, byte[] text, Tokenizer tokenizer,
      int eot, CharsetDecoder decoder, IntArrayList ids) {
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
    decoder.reset();
    ByteBuffer in = ByteBuffer.wrap(text);
    CharBuffer chars = CharBuffer.allocate(text.length);
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
