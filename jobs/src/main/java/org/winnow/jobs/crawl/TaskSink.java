package org.winnow.jobs.crawl;

import java.io.Closeable;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.winnow.ingest.crawl.CrawlOutcome;
import org.winnow.ingest.crawl.CrawlSink;
import org.winnow.ingest.crawl.CrawlWarcWriter;
import org.winnow.ingest.crawl.FetchResult;

/**
 * The sink of one crawl task: the task's WARC files for the round (the first opened at its first
 * record, the next whenever the current one has reached the size limit before a URL's records)
 * and its journal. Each URL's records are flushed, then its outcome journaled and flushed, under
 * one lock, so the hosts a task crawls at once never interleave a URL's records with another's
 * outcome, and a URL's records are always in one file.
 */
final class TaskSink implements CrawlSink, Closeable {
  private final FileSystem fs;
  private final IntFunction<Path> warcPart;
  private final long warcMaxBytes;
  private final TaskJournal journal;
  private final List<CrawlOutcome> outcomes = new ArrayList<>();
  private FSDataOutputStream warcOut;
  private CrawlWarcWriter warc;
  private String warcName;
  /** The number of the WARC file being written, or of the next one when none is open. */
  private int part;
  private long records;

  /**
   * @param warcPart the path of the task's WARC file number {@code part} (0, 1, ...)
   * @param warcMaxBytes the size after which the next URL's records start a new file
   */
  TaskSink(FileSystem fs, IntFunction<Path> warcPart, long warcMaxBytes, TaskJournal journal) {
    this.fs = fs;
    this.warcPart = warcPart;
    this.warcMaxBytes = warcMaxBytes;
    this.journal = journal;
  }

  @Override
  public synchronized void accept(CrawlOutcome outcome, List<FetchResult> responses)
      throws IOException {
    CrawlOutcome o = outcome;
    if (!responses.isEmpty()) {
      if (warc != null && warc.position() >= warcMaxBytes) {
        warc.close();
        warc = null;
        part++;
      }
      if (warc == null) {
        Path path = warcPart.apply(part);
        warcName = path.getName();
        warcOut = fs.create(path, false);
        warc = new CrawlWarcWriter(warcOut, warcName, "winnow crawl (jwarc)");
      }
      long offset = -1;
      for (FetchResult r : responses) {
        offset = warc.write(r);
        records++;
      }
      warcOut.hflush();
      o = outcome.archivedAt(warcName, offset);
    }
    journal.append(o, warc == null ? 0 : warc.position());
    outcomes.add(o);
  }

  synchronized List<CrawlOutcome> outcomes() {
    return new ArrayList<>(outcomes);
  }

  synchronized long records() {
    return records;
  }

  @Override
  public synchronized void close() throws IOException {
    try {
      if (warc != null) {
        warc.close();
      }
    } finally {
      journal.close();
    }
  }
}
