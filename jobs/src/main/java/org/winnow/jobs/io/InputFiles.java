package org.winnow.jobs.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeMap;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RemoteIterator;

/**
 * Expands a job's input arguments (paths, globs, directories; any Hadoop FileSystem URI) into a
 * sorted, duplicate-free list of files, so that the same arguments always give the same tasks in
 * the same order.
 */
public final class InputFiles {
  /** File names a directory argument contributes; explicit files and globs are taken as given. */
  private static final List<String> WARC_SUFFIXES =
      List.of(".warc", ".warc.gz", ".wet", ".wet.gz", ".warc.wet.gz");

  private InputFiles() {}

  /**
   * @param patterns each a path or a glob; a comma inside an argument is not split here
   * @throws NoInputException when a pattern matches nothing, naming the pattern
   */
  public static List<InputFile> expand(Configuration conf, List<String> patterns) {
    TreeMap<String, InputFile> files = new TreeMap<>();
    for (String pattern : patterns) {
      try {
        int found = expandOne(conf, pattern, files);
        if (found < 0) {
          throw new NoInputException("no input file matches '" + pattern + "'");
        }
        if (found == 0) {
          throw new NoInputException(
              "'" + pattern + "' matches only directories without WARC files ("
                  + String.join(", ", WARC_SUFFIXES) + ")");
        }
      } catch (IOException e) {
        throw new UncheckedIOException("cannot list input '" + pattern + "'", e);
      }
    }
    return List.copyOf(files.values());
  }

  /** Total length of {@code files} in bytes. */
  public static long totalBytes(List<InputFile> files) {
    return files.stream().mapToLong(InputFile::bytes).sum();
  }

  /** Adds the files {@code pattern} names; returns how many, or -1 when it matches nothing. */
  private static int expandOne(Configuration conf, String pattern, TreeMap<String, InputFile> into)
      throws IOException {
    Path glob = new Path(pattern);
    FileSystem fs = glob.getFileSystem(conf);
    FileStatus[] matches = fs.globStatus(glob);
    if (matches == null || matches.length == 0) {
      return -1;
    }
    int found = 0;
    for (FileStatus st : matches) {
      if (st.isDirectory()) {
        RemoteIterator<LocatedFileStatus> it = fs.listFiles(st.getPath(), true);
        while (it.hasNext()) {
          LocatedFileStatus f = it.next();
          if (isWarcName(f.getPath().getName()) && !isHidden(st.getPath(), f.getPath())) {
            add(fs, f, into);
            found++;
          }
        }
      } else {
        add(fs, st, into);
        found++;
      }
    }
    return found;
  }

  private static void add(FileSystem fs, FileStatus st, TreeMap<String, InputFile> into) {
    String path = fs.makeQualified(st.getPath()).toString();
    into.put(path, new InputFile(path, st.getLen()));
  }

  private static boolean isWarcName(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    return WARC_SUFFIXES.stream().anyMatch(lower::endsWith);
  }

  /** Spark's and Hadoop's bookkeeping ({@code _SUCCESS}, {@code .crc}, staging) starts with _ or . */
  private static boolean isHidden(Path root, Path file) {
    for (Path p = file; p != null && !p.equals(root); p = p.getParent()) {
      String name = p.getName();
      if (name.startsWith("_") || name.startsWith(".")) {
        return true;
      }
    }
    return false;
  }
}
