package org.winnow.tokenizer.bpe;

import it.unimi.dsi.fastutil.ints.IntArrayList;

/**
 * Byte-level BPE over one piece: the merge rules, the bytes' own ids, and the set of tokens a
 * piece may map to directly when it equals one. Immutable and shared between threads; the
 * per-thread state lives in an {@link EncoderScratch}.
 *
 * <p>Two rule sets, one algorithm. tiktoken ranks: any two adjacent parts whose concatenation is a
 * token merge, at that token's rank, and a piece that is itself a token is that token. Hugging
 * Face merge lists: only the listed pairs merge, at their list position, and a piece maps
 * directly only to a token the merges would reach anyway (unless {@code ignore_merges}). Both are
 * compiled into a {@link MergeTable} of id pairs.
 */
public final class BpeModel {

  private final MergeTable merges;
  private final int[] byteIds;
  private final int[] bytePairRules;
  private final ByteSequenceIndex wholePieces;

  private BpeModel(MergeTable merges, int[] byteIds, ByteSequenceIndex wholePieces) {
    this.merges = merges;
    this.byteIds = byteIds;
    this.bytePairRules = PieceMerger.bytePairRules(merges, byteIds);
    this.wholePieces = wholePieces;
  }

  /**
   * tiktoken semantics over {@code ranks}, whose ids are the ranks; every single byte must be a
   * token and no two ranks may share bytes.
   */
  public static BpeModel fromRanks(TokenBytes ranks) {
    ByteSequenceIndex index = indexOf(ranks);
    int[] byteIds = byteIds(ranks, index);
    MergeTable merges = new MergeTable(ranks.size(), ranks.size() * 2, true);
    byte[] arena = ranks.arena();
    for (int id = 0; id < ranks.size(); id++) {
      if (!ranks.has(id) || ranks.length(id) < 2) {
        continue;
      }
      int off = ranks.offset(id);
      int len = ranks.length(id);
      for (int split = 1; split < len; split++) {
        int left = index.get(arena, off, split);
        if (left < 0) {
          continue;
        }
        int right = index.get(arena, off + split, len - split);
        if (right >= 0) {
          merges.put(left, right, id, id);
        }
      }
    }
    return new BpeModel(merges, byteIds, index);
  }

  /**
   * Hugging Face semantics: {@code vocab} by id, and the merge list as id pairs in priority order
   * ({@code lefts[i] + rights[i]} must be a token of {@code vocab}).
   *
   * @param ignoreMerges the model's {@code ignore_merges}: a piece that is a token maps to it
   *     directly
   */
  public static BpeModel fromMerges(TokenBytes vocab, int[] lefts, int[] rights, boolean ignoreMerges) {
    ByteSequenceIndex index = indexOf(vocab);
    int[] byteIds = byteIds(vocab, index);
    MergeTable merges = new MergeTable(vocab.size(), lefts.length, false);
    byte[] pair = new byte[64];
    for (int i = 0; i < lefts.length; i++) {
      int len = vocab.length(lefts[i]) + vocab.length(rights[i]);
      if (pair.length < len + ByteHash.PADDING) {
        pair = new byte[(len + ByteHash.PADDING) * 2];
      }
      vocab.copy(rights[i], pair, vocab.copy(lefts[i], pair, 0));
      int result = index.get(pair, 0, len);
      if (result < 0) {
        throw new IllegalArgumentException("merge " + i + " (" + lefts[i] + " + " + rights[i]
            + ") produces a sequence that is not in the vocabulary");
      }
      merges.put(lefts[i], rights[i], i, result);
    }
    if (ignoreMerges) {
      return new BpeModel(merges, byteIds, index);
    }
    // A piece may only map straight to a token that merging its bytes would produce anyway.
    ByteSequenceIndex reachable = new ByteSequenceIndex(vocab, vocab.size());
    PieceMerger merger = new PieceMerger(merges, byteIds, PieceMerger.bytePairRules(merges, byteIds));
    IntArrayList out = new IntArrayList();
    for (int id = 0; id < vocab.size(); id++) {
      if (!vocab.has(id)) {
        continue;
      }
      int len = vocab.length(id);
      byte[] bytes = new byte[len + ByteHash.PADDING];
      vocab.copy(id, bytes, 0);
      out.clear();
      merger.merge(bytes, len, out);
      if (out.size() == 1 && out.getInt(0) == id) {
        reachable.put(id);
      }
    }
    return new BpeModel(merges, byteIds, reachable);
  }

  private static ByteSequenceIndex indexOf(TokenBytes tokens) {
    ByteSequenceIndex index = new ByteSequenceIndex(tokens, tokens.size());
    for (int id = 0; id < tokens.size(); id++) {
      if (tokens.has(id)) {
        int earlier = index.put(id);
        if (earlier >= 0) {
          throw new IllegalArgumentException("ids " + earlier + " and " + id + " have the same bytes");
        }
      }
    }
    return index;
  }

  private static int[] byteIds(TokenBytes tokens, ByteSequenceIndex index) {
    int[] ids = new int[256];
    byte[] one = new byte[1 + ByteHash.PADDING];
    for (int b = 0; b < 256; b++) {
      one[0] = (byte) b;
      ids[b] = index.get(one, 0, 1);
      if (ids[b] < 0) {
        throw new IllegalArgumentException(String.format("no token for the single byte 0x%02x", b));
      }
    }
    return ids;
  }

  /** Fresh per-thread state for {@link #encodePiece}. */
  public EncoderScratch newScratch() {
    return new EncoderScratch(new PieceMerger(merges, byteIds, bytePairRules));
  }

  /**
   * Appends the ids of the piece {@code piece[0, len)} to {@code out}. {@code piece} needs
   * {@link ByteHash#PADDING} spare bytes after {@code len}, as {@link EncoderScratch#buffer} gives.
   */
  public void encodePiece(byte[] piece, int len, IntArrayList out, EncoderScratch scratch) {
    if (len == 1) {
      out.add(byteIds[piece[0] & 0xFF]);
      return;
    }
    long hash = ByteHash.hash(piece, 0, len);
    int id = wholePieces.get(piece, 0, len, hash);
    if (id >= 0) {
      out.add(id);
      return;
    }
    if (len > PieceCache.MAX_PIECE) {
      scratch.merger.merge(piece, len, out);
      return;
    }
    if (scratch.cache.appendTo(piece, len, hash, out)) {
      return;
    }
    int from = out.size();
    scratch.merger.merge(piece, len, out);
    scratch.cache.put(piece, len, hash, out, from);
  }

  /** The number of merge rules, for reporting. */
  public int mergeCount() {
    return merges.size();
  }
}
