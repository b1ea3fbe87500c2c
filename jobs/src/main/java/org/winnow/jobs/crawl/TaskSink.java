package org.winnow.jobs.crawl;

import java.io.Closeable;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.winnow.ingest.crawl.CrawlOutcome;
import org.winnow.ingest.crawl.CrawlSink;
import org.winnow.ingest.crawl.CrawlWarcWriter;
import org.winnow.ingest.crawl.FetchResult;

/**
 * The sink of one crawl task: the task's WARC file for the round (opened at its first record)
 * and its journal. Each URL's records are flushed, then its outcome journaled and flushed, under
 * one lock, so the hosts a task crawls at once never interleave a URL's records with another's
 * outcome.
 */
final class TaskSink implements CrawlSink, Closeable {
  private final FileSystem fs;
  private final Path warcPath;
  private final TaskJournal journal;
  private final List<CrawlOutcome> outcomes = new ArrayList<>();
  private FSDataOutputStream warcOut;
  private CrawlWarcWriter warc;
  private long records;

  TaskSink(FileSystem fs, Path warcPath, TaskJournal journal) {
    this.fs = fs;
    this.warcPath = warcPath;
    this.journal = journal;
  }

  @Override
  public synchronized void accept(CrawlOutcome outcome, List<FetchResult> responses)
      throws IOException {
    CrawlOutcome o = outcome;
    if (!responses.isEmpty()) {
      if (warc == null) {
        warcOut = fs.create(warcPath, false);
        warc = new CrawlWarcWriter(warcOut, warcPath.getName(), "winnow crawl (jwarc)");
      }
      long offset = -1;
      for (FetchResult r : responses) {
        offset = warc.write(r);
        records++;
      }
      warcOut.hflush();
      o = outcome.archivedAt(warcPath.getName(), offset);
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
