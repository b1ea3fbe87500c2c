package org.winnow.loader;

/** What the loader does with a shard file or row group it cannot read. */
public enum CorruptShardPolicy {
  /** Stop: the consumer's next call throws the {@code ShardException} naming file and row group. */
  FAIL,
  /**
   * Leave its documents out, report a {@link LoaderWarning} and count it. The documents stay out
   * deterministically: a resumed loader skips the same ones.
   */
  SKIP
}
