package org.winnow.jobs.ingest;

import java.nio.file.Path;

/** File name tests shared by the job tests. */
final class TestFiles {
  private TestFiles() {}

  static boolean isPart(Path p) {
    String n = p.getFileName().toString();
    return n.startsWith("part-") && n.endsWith(".parquet");
  }
}
