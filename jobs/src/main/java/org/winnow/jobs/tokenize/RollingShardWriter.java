package org.winnow.jobs.tokenize;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.parquet.hadoop.util.HadoopOutputFile;
import org.winnow.loader.shard.ShardWriter;
import org.winnow.loader.shard.ShardWriterOptions;
import org.winnow.loader.shard.Split;

/**
 * Writes one task's documents of one split, in the order given, into shard files with the
 * loader's {@link ShardWriter}, so the files are the contract layout the loader reads. A new file
 * starts before the document that would take the current one past the target token count: every
 * file holds at most that many tokens, unless it is a single document larger than the target.
 */
final class RollingShardWriter {
  /** Names a task's {@code n}-th shard file of {@code split}, relative to the root. */
  interface FileNames {
    String name(Split split, int n);
  }

  private final String root;
  private final Configuration hadoop;
  private final ShardWriterOptions options;
  private final long shardTokens;
  private final FileNames names;

  /**
   * @param root the shard-set root the file names are relative to
   * @param shardTokens the most tokens a file holds (a larger document gets a file to itself)
   */
  RollingShardWriter(String root, Configuration hadoop, ShardWriterOptions options,
      long shardTokens, FileNames names) {
    this.root = root;
    this.hadoop = hadoop;
    this.options = options;
    this.shardTokens = shardTokens;
    this.names = names;
  }

  /**
   * Writes {@code docs} (kept documents of {@code split}) in shard order and returns the files,
   * in order.
   */
  List<WrittenShard> write(Split split, SplitDocuments docs) {
    List<WrittenShard> written = new ArrayList<>();
    ShardWriter writer = null;
    String file = null;
    try {
      for (int d : docs.shardOrder()) {
        int from = docs.start(d);
        int to = docs.end(d);
        if (writer != null && writer.tokens() + (to - from) > shardTokens) {
          written.add(close(split, file, writer));
          writer = null;
        }
        if (writer == null) {
          file = names.name(split, written.size());
          Path path = new Path(root, file);
          writer = ShardWriter.create(HadoopOutputFile.fromPath(path, hadoop), path.toString(),
              options);
        }
        writer.write(docs.docId(d), docs.source(d), docs.tokens(d), from, to, docs.nBytes(d));
      }
      if (writer != null) {
        written.add(close(split, file, writer));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write shard " + new Path(root, file), e);
    }
    return written;
  }

  private static WrittenShard close(Split split, String file, ShardWriter writer)
      throws IOException {
    writer.close();
    return WrittenShard.of(split, file, writer.rows(), writer.tokens(), writer.rowGroups());
  }
}
