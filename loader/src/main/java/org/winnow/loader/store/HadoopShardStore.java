package org.winnow.loader.store;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.parquet.hadoop.util.HadoopInputFile;
import org.apache.parquet.io.InputFile;

/**
 * Shards behind a Hadoop FileSystem URI ({@code hdfs://}, {@code s3a://}, {@code file://}). Only
 * the schemes whose FileSystem is on the classpath work: the shaded client jars carry
 * {@code file} and {@code hdfs}; {@code s3a} needs {@code hadoop-aws} added by the caller.
 */
public final class HadoopShardStore implements ShardStore {
  private final Configuration conf;

  public HadoopShardStore(Configuration conf) {
    this.conf = conf;
  }

  /** A store with Hadoop's default configuration (core-site.xml etc. from the classpath). */
  public static HadoopShardStore withDefaults() {
    return new HadoopShardStore(new Configuration());
  }

  @Override
  public InputFile inputFile(String path) throws IOException {
    return HadoopInputFile.fromPath(new org.apache.hadoop.fs.Path(path), conf);
  }

  @Override
  public byte[] readAll(String path) throws IOException {
    org.apache.hadoop.fs.Path p = new org.apache.hadoop.fs.Path(path);
    FileSystem fs = p.getFileSystem(conf);
    try (InputStream in = fs.open(p)) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      in.transferTo(out);
      return out.toByteArray();
    }
  }

  @Override
  public String resolve(String root, String relative) {
    return new org.apache.hadoop.fs.Path(new org.apache.hadoop.fs.Path(root), relative).toString();
  }
}
