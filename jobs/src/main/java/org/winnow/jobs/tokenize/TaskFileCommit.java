package org.winnow.jobs.tokenize;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.winnow.core.ledger.DroppedSchema;
import org.winnow.jobs.io.DroppedRowWriter;
import org.winnow.loader.manifest.ShardSummary;
import org.winnow.loader.shard.Split;

/**
 * The driver's side of the tasks' files: it renames the files of the attempts whose results it
 * received to their contract names and deletes whatever else is under
 * {@link TokenizeTask#ATTEMPTS_DIR} (files of failed or speculative attempts), so that only the
 * counted files remain when the ledger is checked against the footers.
 *
 * <p>Shards are numbered per split in (input partition, shard within the task) order, which
 * depends on the input alone ({@code FixedSplits}), so reruns give the same names to the same
 * bytes. {@code _removed/} and {@code _rejected/} get one file per task that dropped something
 * into them, numbered the same way, or one empty file when none did, so that they read as
 * datasets as the other stages' do.
 */
final class TaskFileCommit {
  private TaskFileCommit() {}

  /** The contract name of shard {@code index} of {@code split}, relative to the root. */
  static String shardFile(Split split, int index) {
    return split.dirName() + "/" + partFile(index);
  }

  private static String partFile(int index) {
    return String.format(Locale.ROOT, "part-%05d.parquet", index);
  }

  /**
   * Moves the files {@code results} name into place under {@code root} and removes the rest.
   *
   * @return each split's shards under their contract names, in order
   */
  static Map<Split, List<ShardSummary>> commit(List<TaskResult> results, String root,
      Configuration hadoop) {
    List<TaskResult> ordered = new ArrayList<>(results);
    ordered.sort(Comparator.comparingInt(TaskResult::partition));
    Map<Split, List<ShardSummary>> shards = new EnumMap<>(Split.class);
    for (Split split : Split.values()) {
      shards.put(split, new ArrayList<>());
    }
    Path rootPath = new Path(root);
    try {
      FileSystem fs = rootPath.getFileSystem(hadoop);
      for (TaskResult r : ordered) {
        for (WrittenShard w : r.shards()) {
          List<ShardSummary> split = shards.get(w.split());
          String file = shardFile(w.split(), split.size());
          move(fs, new Path(rootPath, w.file()), new Path(rootPath, file));
          split.add(w.summary(file));
        }
      }
      commitSideFiles(fs, rootPath, hadoop, DroppedSchema.REMOVED_DIR,
          ordered.stream().map(TaskResult::removed).toList());
      commitSideFiles(fs, rootPath, hadoop, DroppedSchema.REJECTED_DIR,
          ordered.stream().map(TaskResult::rejected).toList());
      Path attempts = new Path(rootPath, TokenizeTask.ATTEMPTS_DIR);
      if (fs.exists(attempts) && !fs.delete(attempts, true)) {
        throw new IOException("cannot delete " + attempts);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot commit the task files under " + root, e);
    }
    return shards;
  }

  /** Moves the files that hold rows into {@code dir}, in task order; an empty file if none. */
  private static void commitSideFiles(FileSystem fs, Path root, Configuration hadoop, String dir,
      List<TaskResult.SideFile> files) throws IOException {
    int moved = 0;
    for (TaskResult.SideFile f : files) {
      if (f.rows() > 0) {
        move(fs, new Path(root, f.file()), new Path(root, dir + "/" + partFile(moved++)));
      }
    }
    if (moved == 0) {
      DroppedRowWriter.writeEmpty(hadoop, new Path(root, dir).toString(), partFile(0));
    }
  }

  private static void move(FileSystem fs, Path from, Path to) throws IOException {
    if (!fs.exists(to.getParent()) && !fs.mkdirs(to.getParent())) {
      throw new IOException("cannot create " + to.getParent());
    }
    if (fs.exists(to)) {
      throw new IOException("cannot rename " + from + " to " + to + ": target exists");
    }
    if (!fs.rename(from, to)) {
      throw new IOException("cannot rename " + from + " to " + to);
    }
  }
}
