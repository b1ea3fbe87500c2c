package org.winnow.jobs.tokenize;

import java.io.Serializable;
import java.util.List;

/**
 * What one tokenize task sends back to the driver: the files it wrote under its attempt's
 * temporary names and the counts of what it encoded. Small: a few numbers per shard file.
 *
 * @param partition the input partition the task read
 * @param shards its shard files, train first, each split in writing order
 * @param tally its documents, tokens and text bytes per split and source, removals and rejects
 *     by reason
 * @param removed its {@code _removed/} rows' file
 * @param rejected its {@code _rejected/} rows' file
 */
record TaskResult(int partition, List<WrittenShard> shards, TokenizeTally tally,
    SideFile removed, SideFile rejected) implements Serializable {

  /**
   * A file of dropped rows.
   *
   * @param file relative to the shard-set root; written only when {@code rows > 0}
   * @param rows rows written to it
   */
  record SideFile(String file, long rows) implements Serializable {}
}
