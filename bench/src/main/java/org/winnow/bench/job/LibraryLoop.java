package org.winnow.bench.job;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import org.winnow.core.ledger.Outcome;
import org.winnow.ingest.IngestConfig;
import org.winnow.ingest.WarcIngester;

/**
 * The reference the ingest job is measured against: the ingest library called in a plain loop
 * on one thread, file after file, outcomes counted and dropped. No Spark, no output.
 */
final class LibraryLoop {
  private LibraryLoop() {}

  /** Reads every file and returns the number of outcomes (records in). */
  static long run(List<Path> files, IngestConfig config) throws IOException {
    WarcIngester ingester = new WarcIngester(config);
    long outcomes = 0;
    for (Path f : files) {
      InputStream in = Files.newInputStream(f);
      // The iterator closes the stream when it is exhausted.
      Iterator<Outcome> it = ingester.read(in, f.toUri().toString());
      while (it.hasNext()) {
        it.next();
        outcomes++;
      }
    }
    return outcomes;
  }
}
