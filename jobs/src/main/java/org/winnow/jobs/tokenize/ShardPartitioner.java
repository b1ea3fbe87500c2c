package org.winnow.jobs.tokenize;

import org.apache.spark.Partitioner;

/**
 * One Spark partition per shard file: the train shards first, then the held-out ones, so that
 * both splits go through one shuffle and partition {@code i} holds exactly the documents of one
 * shard (Spark's hash partitioner would fold several shards into one partition).
 */
final class ShardPartitioner extends Partitioner {
  private static final long serialVersionUID = 1L;

  private final int trainShards;
  private final int heldoutShards;

  ShardPartitioner(int trainShards, int heldoutShards) {
    this.trainShards = trainShards;
    this.heldoutShards = heldoutShards;
  }

  @Override
  public int numPartitions() {
    return trainShards + heldoutShards;
  }

  @Override
  public int getPartition(Object key) {
    ShardKey k = (ShardKey) key;
    return k.heldOut() ? trainShards + k.shard() : k.shard();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ShardPartitioner p && p.trainShards == trainShards
        && p.heldoutShards == heldoutShards;
  }

  @Override
  public int hashCode() {
    return 31 * trainShards + heldoutShards;
  }
}
