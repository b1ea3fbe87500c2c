package org.winnow.jobs.tokenize;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.winnow.core.ledger.LedgerImbalanceException;
import org.winnow.jobs.io.HadoopOutputStore;
import org.winnow.jobs.io.ParquetParts;
import org.winnow.loader.manifest.ShardSummary;
import org.winnow.loader.manifest.SplitSummary;

/**
 * The manifest's shards against what their Parquet footers say was written: every listed shard
 * holds the rows the manifest gives it, and no file lies beside the listed ones. Each footer is
 * read once (the directory's listing gives each file's rows and the totals).
 */
final class ShardFooterCheck {
  private ShardFooterCheck() {}

  /**
   * The rows written to all splits, from the footers.
   *
   * @param splits the manifest's splits by directory name, under {@code root}
   * @throws LedgerImbalanceException where a footer disagrees with the manifest
   */
  static long writtenRows(Map<String, SplitSummary> splits, Configuration hadoop,
      HadoopOutputStore store, String root) {
    long written = 0;
    for (Map.Entry<String, SplitSummary> e : splits.entrySet()) {
      List<ShardSummary> shards = e.getValue().shards();
      String dir = store.child(root, e.getKey());
      ParquetParts.Listing listed = shards.isEmpty() && !exists(store, dir)
          ? new ParquetParts.Listing(new ParquetParts(0, 0, 0), Map.of())
          : ParquetParts.rowsPerFile(hadoop, dir);
      for (ShardSummary s : shards) {
        Long rows = listed.rowsByName().get(new Path(s.file()).getName());
        if (rows == null || rows != s.rows()) {
          throw new LedgerImbalanceException(TokenizeJob.STAGE + ": the manifest lists "
              + s.rows() + " rows in " + s.file() + ", its footer "
              + (rows == null ? "is missing" : rows));
        }
      }
      ParquetParts parts = listed.parts();
      if (parts.files() != shards.size() || parts.rows() != e.getValue().documents()) {
        throw new LedgerImbalanceException(TokenizeJob.STAGE + ": the manifest lists "
            + shards.size() + " shards with " + e.getValue().documents() + " rows in "
            + e.getKey() + "/, but " + parts.files() + " files with " + parts.rows()
            + " rows are there");
      }
      written += parts.rows();
    }
    return written;
  }

  private static boolean exists(HadoopOutputStore store, String path) {
    try {
      return store.exists(path);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot check " + path, e);
    }
  }
}
