package org.winnow.jobs.io;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.winnow.core.ledger.Ledger;
import org.winnow.core.output.AtomicOutput;
import org.winnow.core.output.OutputStore;

/**
 * {@link OutputStore} over Hadoop's FileSystem, so that {@link org.winnow.core.output.AtomicOutput}
 * commits a job's output on {@code file://}, {@code hdfs://} or {@code s3a://} alike. Paths are
 * Hadoop path strings; relative ones are qualified against the file system's working directory.
 * The commit is a directory rename: atomic on local disks and HDFS, a copy on object stores.
 */
public final class HadoopOutputStore implements OutputStore {
  private final Configuration conf;

  public HadoopOutputStore(Configuration conf) {
    this.conf = Objects.requireNonNull(conf, "conf");
  }

  /** {@code path} as a fully qualified URI string, e.g. {@code file:/tmp/out}. */
  public String qualify(String path) throws IOException {
    Path p = new Path(path);
    return p.getFileSystem(conf).makeQualified(p).toString();
  }

  @Override
  public boolean exists(String path) throws IOException {
    Path p = new Path(path);
    return p.getFileSystem(conf).exists(p);
  }

  @Override
  public void deleteRecursively(String path) throws IOException {
    Path p = new Path(path);
    FileSystem fs = p.getFileSystem(conf);
    if (fs.exists(p) && !fs.delete(p, true)) {
      throw new IOException("could not delete " + path);
    }
  }

  @Override
  public void rename(String from, String to) throws IOException {
    Path src = new Path(from);
    Path dst = new Path(to);
    FileSystem fs = src.getFileSystem(conf);
    if (fs.exists(dst)) {
      // Hadoop would move src inside an existing directory instead of failing.
      throw new IOException("cannot rename " + from + " to " + to + ": target exists");
    }
    Path parent = dst.getParent();
    if (parent != null && !fs.exists(parent) && !fs.mkdirs(parent)) {
      throw new IOException("cannot create " + parent + " for " + to);
    }
    if (!fs.rename(src, dst)) {
      throw new IOException("rename of " + from + " to " + to + " failed");
    }
  }

  @Override
  public void writeUtf8(String path, String content) throws IOException {
    Path p = new Path(path);
    try (OutputStream out = p.getFileSystem(conf).create(p, true)) {
      out.write(content.getBytes(StandardCharsets.UTF_8));
    }
  }

  @Override
  public String readUtf8(String path) throws IOException {
    Path p = new Path(path);
    try (InputStream in = p.getFileSystem(conf).open(p)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @Override
  public String child(String dir, String name) {
    return new Path(new Path(dir), name).toString();
  }

  @Override
  public String sibling(String path, String name) {
    Path p = new Path(path);
    try {
      p = p.getFileSystem(conf).makeQualified(p);
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot resolve the file system of " + path, e);
    }
    Path parent = p.getParent();
    if (parent == null) {
      throw new IllegalArgumentException(path + " is a root and has no siblings");
    }
    return new Path(parent, name).toString();
  }

  @Override
  public String name(String path) {
    return new Path(path).getName();
  }

  /**
   * The atomic output of a stage at {@code output} (qualified: a relative path becomes a full
   * URI): finished already, or a fresh staging directory beside it.
   */
  public AtomicOutput prepare(String output, boolean force) {
    String target;
    try {
      target = qualify(output);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot resolve output " + output, e);
    }
    return AtomicOutput.prepare(this, target, force);
  }

  /** The ledger a finished stage wrote into {@code dir}. */
  public Ledger readLedger(String dir) {
    String path = child(dir, Ledger.FILE_NAME);
    try {
      return Ledger.fromJson(readUtf8(path));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + path, e);
    }
  }
}
