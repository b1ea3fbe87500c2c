package org.winnow.jobs.tokenize;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.parquet.hadoop.util.HadoopOutputFile;
import org.apache.spark.api.java.function.Function2;
import org.apache.spark.broadcast.Broadcast;
import org.winnow.jobs.spark.SerializableHadoopConf;
import org.winnow.loader.shard.ShardWriter;
import org.winnow.loader.shard.ShardWriterOptions;
import org.winnow.loader.shard.Split;
import scala.Tuple2;

/**
 * Writes one partition, already sorted into shard order, as one shard file with the loader's
 * {@link ShardWriter}, so the files are the contract layout the loader reads. A partition with no
 * documents still gets its (empty) file: the manifest lists every shard number.
 */
final class ShardFileTask
    implements Function2<Integer, Iterator<Tuple2<ShardKey, byte[]>>,
        Iterator<WrittenShard>> {
  private static final long serialVersionUID = 1L;

  private final String root;
  private final int trainShards;
  private final Broadcast<SerializableHadoopConf> conf;
  private final long rowGroupTokens;

  /**
   * @param root the shard-set root (the job's staging directory)
   * @param trainShards partitions below this are train shards, the rest held-out ones
   * @param rowGroupTokens tokens after which a row group closes
   */
  ShardFileTask(String root, int trainShards, Broadcast<SerializableHadoopConf> conf,
      long rowGroupTokens) {
    this.root = root;
    this.trainShards = trainShards;
    this.conf = conf;
    this.rowGroupTokens = rowGroupTokens;
  }

  /** The file of shard {@code index}, relative to the shard-set root. */
  static String fileName(Split split, int index) {
    return split.dirName() + "/" + String.format(Locale.ROOT, "part-%05d.parquet", index);
  }

  @Override
  public Iterator<WrittenShard> call(Integer partition,
      Iterator<Tuple2<ShardKey, byte[]>> docs) {
    Split split = partition < trainShards ? Split.TRAIN : Split.HELDOUT;
    int index = partition < trainShards ? partition : partition - trainShards;
    String file = fileName(split, index);
    Path path = new Path(root, file);
    Configuration hadoop = conf.value().get();
    try {
      FileSystem fs = path.getFileSystem(hadoop);
      // A retried task finds its failed attempt's partial file.
      fs.delete(path, false);
      ShardWriterOptions options = ShardWriterOptions.DEFAULTS.withRowGroupTokens(rowGroupTokens);
      ShardWriter writer = ShardWriter.create(HadoopOutputFile.fromPath(path, hadoop),
          path.toString(), options);
      try (writer) {
        while (docs.hasNext()) {
          PackedDocument.Unpacked d = PackedDocument.unpack(docs.next()._2());
          writer.write(d.docId(), d.source(), d.tokens(), d.nBytes());
        }
      }
      return List.of(WrittenShard.of(split, index, file, writer.rows(), writer.tokens(),
          writer.rowGroups())).iterator();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write shard " + path, e);
    }
  }
}
