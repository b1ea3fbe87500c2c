package org.winnow.loader.shard;

/** Which columns a row group is decoded with. */
public enum DecodeColumns {
  /** Tokens and source: what packing batches needs. */
  TOKENS_AND_SOURCE,
  /** Every contract column, for evaluation and inspection. */
  ALL
}
