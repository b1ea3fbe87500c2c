package org.winnow.loader.plan;

/**
 * One row group of one shard: the unit that is read, decoded and held in memory.
 *
 * @param shard index of the shard file in its {@link ChunkTable}
 * @param rowGroup row group index within the file
 * @param rows documents in the row group
 * @param tokens tokens in the row group, or an upper bound when only the footer was read
 */
public record Chunk(int shard, int rowGroup, long rows, long tokens) {}
