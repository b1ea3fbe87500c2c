package org.winnow.jobs.tokenize;

import org.apache.spark.Partitioner;

/**
 * One Spark partition per shard file: partition {@code i} holds exactly the documents of shard
 * {@code i} (Spark's hash partitioner would fold several shards into one partition).
 */
final class ShardPartitioner extends Partitioner {
  private static final long serialVersionUID = 1L;

  private final int shards;

  ShardPartitioner(int shards) {
    this.shards = shards;
  }

  @Override
  public int numPartitions() {
    return shards;
  }

  @Override
  public int getPartition(Object key) {
    return ((ShardKey) key).shard();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ShardPartitioner p && p.shards == shards;
  }

  @Override
  public int hashCode() {
    return shards;
  }
}
