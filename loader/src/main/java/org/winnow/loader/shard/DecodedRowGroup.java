package org.winnow.loader.shard;

import java.util.List;
import java.util.Optional;

/**
 * One decoded row group: every row's tokens concatenated in one int array, the row offsets into
 * it, and each row's source (and, when asked for, doc id and byte count). Immutable once built;
 * the arrays are shared, not copied, so callers must not write to them.
 */
public final class DecodedRowGroup {
  private final String file;
  private final int rowGroup;
  private final int[] tokens;
  private final int tokenCount;
  private final int[] offsets;
  private final int[] sourceIds;
  private final List<String> sources;
  private final String[] docIds;
  private final long[] nBytes;

  DecodedRowGroup(String file, int rowGroup, int[] tokens, int tokenCount, int[] offsets,
      int[] sourceIds, List<String> sources, String[] docIds, long[] nBytes) {
    this.file = file;
    this.rowGroup = rowGroup;
    this.tokens = tokens;
    this.tokenCount = tokenCount;
    this.offsets = offsets;
    this.sourceIds = sourceIds;
    this.sources = List.copyOf(sources);
    this.docIds = docIds;
    this.nBytes = nBytes;
  }

  public String file() {
    return file;
  }

  public int rowGroup() {
    return rowGroup;
  }

  public int rows() {
    return offsets.length - 1;
  }

  /** Tokens in all rows together. */
  public int tokenCount() {
    return tokenCount;
  }

  /** The shared token array; row {@code r} is {@code [start(r), end(r))}. Do not modify. */
  public int[] tokenArray() {
    return tokens;
  }

  public int start(int row) {
    return offsets[row];
  }

  public int end(int row) {
    return offsets[row + 1];
  }

  public int length(int row) {
    return offsets[row + 1] - offsets[row];
  }

  /** A copy of row {@code row}'s tokens. */
  public int[] tokens(int row) {
    return java.util.Arrays.copyOfRange(tokens, offsets[row], offsets[row + 1]);
  }

  /** Index of the row's source in {@link #sources()}. */
  public int sourceId(int row) {
    return sourceIds[row];
  }

  /** The distinct sources of this row group, in order of first appearance. */
  public List<String> sources() {
    return sources;
  }

  public String source(int row) {
    return sources.get(sourceIds[row]);
  }

  /** The row's doc id, present when the row group was decoded with all columns. */
  public Optional<String> docId(int row) {
    return docIds == null ? Optional.empty() : Optional.of(docIds[row]);
  }

  /** The row's UTF-8 byte count, present when the row group was decoded with all columns. */
  public Optional<Long> nBytes(int row) {
    return nBytes == null ? Optional.empty() : Optional.of(nBytes[row]);
  }
}
