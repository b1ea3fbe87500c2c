package org.winnow.jobs.tokenize;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.winnow.jobs.io.DroppedRowWriter;
import org.winnow.jobs.io.ParquetParts;
import org.winnow.loader.manifest.ShardSummary;
import org.winnow.loader.shard.ShardWriterOptions;
import org.winnow.loader.shard.Split;

/**
 * The driver's commit of task files as a retried task leaves them: the successful attempts'
 * files get their contract names in partition order, and a failed attempt's files (a finished
 * shard, a half-written one, side files) are gone before anything counts the footers.
 */
class TaskFileCommitTest {
  private static final String ATTEMPTS = TokenizeTask.ATTEMPTS_DIR;

  @TempDir Path root;
  private final Configuration hadoop = new Configuration();

  private List<WrittenShard> shards(String attempt, int documents, long shardTokens) {
    SplitDocuments docs = new SplitDocuments();
    for (int i = 0; i < documents; i++) {
      docs.tokenSink().addElements(docs.tokenSink().size(), new int[] {i, 7, 0});
      docs.add(attempt + "-" + i, "web", i, i, 3);
    }
    return new RollingShardWriter(root.toString(), hadoop,
        ShardWriterOptions.DEFAULTS.withRowGroupTokens(4), shardTokens,
        (split, n) -> ATTEMPTS + "/" + split.dirName() + "-" + attempt + "-" + n + ".parquet")
        .write(Split.TRAIN, docs);
  }

  private TaskResult.SideFile dropped(String kind, String attempt, int rows) {
    try (DroppedRowWriter w = new DroppedRowWriter(hadoop, root.resolve(ATTEMPTS).toString(),
        kind + "-" + attempt + ".parquet")) {
      for (int i = 0; i < rows; i++) {
        w.write("bad-" + i, "", TokenizeJob.STAGE, RejectReasons.EMPTY_TEXT, "no text", "", -1,
            "");
      }
    }
    return new TaskResult.SideFile(ATTEMPTS + "/" + kind + "-" + attempt + ".parquet", rows);
  }

  @Test
  void keepsTheReportedAttemptsFilesInPartitionOrderAndDropsTheRest() throws IOException {
    // Partition 0 failed once: attempt t1 wrote a whole shard, side files and a partial shard.
    shards("p0-t1", 4, 6);
    dropped("rejected", "p0-t1", 2);
    dropped("removed", "p0-t1", 1);
    Files.writeString(root.resolve(ATTEMPTS + "/train-p0-t1-1.parquet"), "PAR1 cut off",
        StandardCharsets.UTF_8);
    TaskResult p0 = new TaskResult(0, shards("p0-t3", 5, 6), new TokenizeTally(),
        dropped("removed", "p0-t3", 0), dropped("rejected", "p0-t3", 3));
    TaskResult p1 = new TaskResult(1, shards("p1-t2", 2, 100), new TokenizeTally(),
        dropped("removed", "p1-t2", 2), dropped("rejected", "p1-t2", 0));
    byte[] first = Files.readAllBytes(root.resolve(p0.shards().get(0).file()));
    byte[] last = Files.readAllBytes(root.resolve(p1.shards().get(0).file()));
    assertEquals(3, p0.shards().size(), "5 documents of 3 tokens, at most 6 tokens per file");

    Map<Split, List<ShardSummary>> committed =
        TaskFileCommit.commit(List.of(p1, p0), root.toString(), hadoop);

    List<ShardSummary> train = committed.get(Split.TRAIN);
    assertEquals(List.of("train/part-00000.parquet", "train/part-00001.parquet",
        "train/part-00002.parquet", "train/part-00003.parquet"),
        train.stream().map(ShardSummary::file).toList());
    assertEquals(List.of(2L, 2L, 1L, 2L), train.stream().map(ShardSummary::rows).toList());
    assertArrayEquals(first, Files.readAllBytes(root.resolve("train/part-00000.parquet")));
    assertArrayEquals(last, Files.readAllBytes(root.resolve("train/part-00003.parquet")));
    assertEquals(List.of(), committed.get(Split.HELDOUT));
    assertFalse(Files.exists(root.resolve(ATTEMPTS)), "attempt files left behind");

    ParquetParts trainParts = ParquetParts.in(hadoop, root.resolve("train").toString());
    assertEquals(4, trainParts.files());
    assertEquals(7, trainParts.rows());
    ParquetParts rejectedParts = ParquetParts.in(hadoop, root.resolve("_rejected").toString());
    assertEquals(1, rejectedParts.files());
    assertEquals(3, rejectedParts.rows());
    ParquetParts removedParts = ParquetParts.in(hadoop, root.resolve("_removed").toString());
    assertEquals(1, removedParts.files());
    assertEquals(2, removedParts.rows());
    try (Stream<Path> top = Files.list(root)) {
      assertEquals(List.of("_rejected", "_removed", "train"),
          top.map(p -> p.getFileName().toString()).sorted().toList());
    }
  }

  @Test
  void writesOneEmptyFileInEachSideDatasetWhenNoTaskDroppedAnything() {
    TaskResult p0 = new TaskResult(0, shards("p0-t0", 1, 10), new TokenizeTally(),
        dropped("removed", "p0-t0", 0), dropped("rejected", "p0-t0", 0));
    TaskFileCommit.commit(List.of(p0), root.toString(), hadoop);
    for (String dir : List.of("_removed", "_rejected")) {
      ParquetParts side = ParquetParts.in(hadoop, root.resolve(dir).toString());
      assertEquals(1, side.files(), dir);
      assertEquals(0, side.rows(), dir);
    }
  }
}
