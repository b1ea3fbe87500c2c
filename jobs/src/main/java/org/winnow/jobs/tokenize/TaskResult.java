package org.winnow.jobs.tokenize;

import java.io.Serializable;
import java.util.List;

/**
 * What one tokenize task sends back to the driver: the files it wrote under its attempt's
 * temporary names and the counts of what it encoded. Small: a few numbers per shard file.
 *
 * @param partition the input partition the task read
 * @param shards its shard files, train first, each split in writing order
 * @param tally its documents, tokens and text bytes per split and source, rejects by reason
 * @param rejectedFile its {@code _rejected/} rows' file, relative to the shard-set root; written
 *     only when {@code rejectedRows > 0}
 * @param rejectedRows rows written to {@code rejectedFile}
 */
record TaskResult(int partition, List<WrittenShard> shards, TokenizeTally tally,
    String rejectedFile, long rejectedRows) implements Serializable {}
