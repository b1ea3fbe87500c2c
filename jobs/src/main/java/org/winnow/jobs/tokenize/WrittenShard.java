package org.winnow.jobs.tokenize;

import java.io.Serializable;
import java.util.List;
import org.winnow.loader.manifest.RowGroupSummary;
import org.winnow.loader.manifest.ShardSummary;
import org.winnow.loader.shard.Split;

/**
 * What a task wrote: one shard file's counts, sent back to the driver for the manifest.
 *
 * @param split the split it belongs to
 * @param file the task attempt's file, relative to the shard-set root; the driver renames it to
 *     its contract name
 * @param rowGroupRows rows of each row group, in order
 * @param rowGroupTokens tokens of each row group, in order
 */
record WrittenShard(Split split, String file, long rows, long tokens, long[] rowGroupRows,
    long[] rowGroupTokens) implements Serializable {

  static WrittenShard of(Split split, String file, long rows, long tokens,
      List<RowGroupSummary> groups) {
    long[] r = new long[groups.size()];
    long[] t = new long[groups.size()];
    for (int i = 0; i < r.length; i++) {
      r[i] = groups.get(i).rows();
      t[i] = groups.get(i).tokens();
    }
    return new WrittenShard(split, file, rows, tokens, r, t);
  }

  /** The manifest's entry for this shard under its contract name {@code file}. */
  ShardSummary summary(String contractFile) {
    RowGroupSummary[] groups = new RowGroupSummary[rowGroupRows.length];
    for (int i = 0; i < groups.length; i++) {
      groups[i] = new RowGroupSummary(rowGroupRows[i], rowGroupTokens[i]);
    }
    return new ShardSummary(contractFile, rows, tokens, List.of(groups));
  }
}
