package org.winnow.jobs.tokenize;

import java.io.Serializable;
import java.util.Comparator;

/**
 * A document's place in the shuffled output: its split and shard, then its order within the shard
 * by shuffle key, with the id and a hash of the text breaking ties so that the order is total and
 * every rerun writes the same rows in the same order.
 */
record ShardKey(boolean heldOut, int shard, long shuffleKey, String docId, long textHash)
    implements Comparable<ShardKey>, Serializable {

  private static final Comparator<ShardKey> ORDER = Comparator.comparing(ShardKey::heldOut)
      .thenComparingInt(ShardKey::shard)
      .thenComparingLong(ShardKey::shuffleKey)
      .thenComparing(ShardKey::docId)
      .thenComparingLong(ShardKey::textHash);

  static ShardKey of(EncodedDocument d, int trainShards, int heldoutShards) {
    int shards = d.heldOut() ? heldoutShards : trainShards;
    return new ShardKey(d.heldOut(), DocumentPlacement.shard(d.shuffleKey(), shards),
        d.shuffleKey(), d.docId(), d.textHash());
  }

  @Override
  public int compareTo(ShardKey o) {
    return ORDER.compare(this, o);
  }
}
