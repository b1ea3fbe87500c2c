package org.winnow.loader.plan;


/**
 * How an epoch's order is drawn: all row groups are permuted, consecutive ones grouped into
 * windows of at most {@code windowTokens} tokens and {@code windowRowGroups} row groups, and
 * documents permuted within each window. With {@code enabled} false documents come in canonical
 * order.
 */
public record ShuffleSpec(boolean enabled, long windowTokens, int windowRowGroups) {

  /** Windows of up to 8 Mi tokens and 256 row groups. */
  public static final ShuffleSpec DEFAULT = new ShuffleSpec(true, 8L << 20, 256);

  /** Canonical order, one row group at a time. */
  public static final ShuffleSpec OFF = new ShuffleSpec(false, 1, 1);

  public ShuffleSpec {
    if (windowTokens <= 0) {
      throw new IllegalArgumentException("window_tokens must be positive: " + windowTokens);
    }
    if (windowRowGroups <= 0) {
      throw new IllegalArgumentException("window_row_groups must be positive: " + windowRowGroups);
    }
  }
}
