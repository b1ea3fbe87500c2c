package org.winnow.jobs.tokenize;

/** The reason codes the tokenize stage writes to its ledger and {@code _rejected/} dataset. */
public final class RejectReasons {
  /** The stored text is not valid UTF-8; encoding a replacement character would change it. */
  public static final String INVALID_UTF8 = "invalid_utf8";
  /** No text at all: a document of nothing but the end-of-text token teaches nothing. */
  public static final String EMPTY_TEXT = "empty_text";
  /** The text column is null. */
  public static final String MISSING_TEXT = "missing_text";
  /** The id column is null or empty: the split and the order within shards are functions of the id. */
  public static final String MISSING_ID = "missing_id";
  /** Larger than the configured maximum document size. */
  public static final String TOO_LARGE = "too_large";

  private RejectReasons() {}
}
