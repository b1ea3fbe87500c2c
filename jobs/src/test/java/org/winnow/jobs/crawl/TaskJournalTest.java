package org.winnow.jobs.crawl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.netpreserve.jwarc.WarcReader;
import org.netpreserve.jwarc.WarcRecord;
import org.netpreserve.jwarc.WarcResponse;
import org.winnow.ingest.crawl.CrawlOutcome;
import org.winnow.ingest.crawl.CrawlReason;
import org.winnow.ingest.crawl.FetchResult;

/**
 * What a killed task leaves behind: WARC records flushed but never journaled, and a journal line
 * cut in half. Recovery keeps the journaled outcomes, cuts the WARC file back to its last
 * journaled record, and starts the next attempt in new files.
 */
class TaskJournalTest {
  @TempDir Path dir;
  private FileSystem fs;
  private CrawlLayout layout;

  @BeforeEach
  void crawlDirectory() throws Exception {
    fs = CrawlLayout.fileSystem(new org.apache.hadoop.fs.Path(dir.toUri()), new Configuration());
    layout = new CrawlLayout(dir.toUri().toString().replaceAll("/$", ""));
    fs.mkdirs(new org.apache.hadoop.fs.Path(layout.warcDir()));
  }

  private static FetchResult page(String url) {
    byte[] body = ("<html><body><p>" + url + "</p></body></html>").getBytes();
    return new FetchResult(url, List.of(Map.entry("Host", "example.com")), 200, "OK",
        List.of(Map.entry("Content-Type", "text/html")), body, body, Optional.empty(),
        Instant.parse("2026-11-23T12:00:00Z"), Optional.empty(), "");
  }

  private static CrawlOutcome fetched(String url) {
    Instant t = Instant.parse("2026-11-23T12:00:00Z");
    return new CrawlOutcome(url, CrawlOutcome.Kind.FETCHED, 200, Optional.empty(), "", t, t, 0,
        "", -1, List.of(url + "/next"), List.of(), 1);
  }

  @Test
  void recoveryKeepsJournaledOutcomesAndCutsUnjournaledRecords() throws Exception {
    org.apache.hadoop.fs.Path warc = new org.apache.hadoop.fs.Path(layout.warcDir(),
        CrawlLayout.warcName(1, 3, 0, 0));
    TaskSink sink = new TaskSink(fs, part -> new org.apache.hadoop.fs.Path(layout.warcDir(),
        CrawlLayout.warcName(1, 3, 0, part)), Long.MAX_VALUE,
        TaskJournal.create(fs, layout, 1, 3, 0));
    sink.accept(fetched("http://example.com/a"), List.of(page("http://example.com/a")));
    Instant t = Instant.now();
    sink.accept(new CrawlOutcome("http://example.com/private", CrawlOutcome.Kind.FAILED, 0,
        Optional.of(CrawlReason.ROBOTS), "disallowed", t, t, 0, "", -1, List.of(), List.of(), 1),
        List.of());
    sink.accept(fetched("http://example.com/b"), List.of(page("http://example.com/b")));
    sink.close();
    Path warcFile = dir.resolve("warc").resolve(warc.getName());
    long goodLength = Files.size(warcFile);

    // The kill: a record written but not journaled, and half a journal line.
    Files.write(warcFile, new byte[] {0x1f, (byte) 0x8b, 8, 0, 0, 0}, StandardOpenOption.APPEND);
    Path journal = dir.resolve("journal/r00001").resolve(CrawlLayout.journalName(3, 0));
    try (OutputStream o = Files.newOutputStream(journal, StandardOpenOption.APPEND)) {
      o.write("{\"url\":\"http://example.com/c\",\"kind\":\"FETC".getBytes());
    }

    TaskJournal.Previous previous = TaskJournal.recover(fs, layout, 1, 3);
    assertEquals(List.of("http://example.com/a", "http://example.com/private",
        "http://example.com/b"), new ArrayList<>(previous.outcomes().keySet()));
    CrawlOutcome b = previous.outcomes().get("http://example.com/b");
    assertEquals(List.of("http://example.com/b/next"), b.links());
    assertEquals(warc.getName(), b.warcFile());
    assertEquals(Optional.of(CrawlReason.ROBOTS),
        previous.outcomes().get("http://example.com/private").reason());
    assertEquals(1, previous.nextAttempt());
    assertEquals(goodLength, Files.size(warcFile), "the unjournaled tail is cut off");

    List<String> targets = new ArrayList<>();
    try (WarcReader reader = new WarcReader(warcFile)) {
      for (WarcRecord r : reader) {
        if (r instanceof WarcResponse resp) {
          targets.add(resp.target());
          assertTrue(reader.position() >= 0);
        }
      }
    }
    assertEquals(List.of("http://example.com/a", "http://example.com/b"), targets);
    assertEquals(b.warcOffset(), offsetOf(warcFile, "http://example.com/b"));
  }

  @Test
  void rolledWarcFilesHoldWholeUrlsAndAreRecoveredFileByFile() throws Exception {
    // A limit of one byte: every URL with records after the first starts the next file.
    TaskSink sink = new TaskSink(fs, part -> new org.apache.hadoop.fs.Path(layout.warcDir(),
        CrawlLayout.warcName(2, 0, 0, part)), 1, TaskJournal.create(fs, layout, 2, 0, 0));
    List<String> urls = List.of("http://example.com/a", "http://example.com/b",
        "http://example.com/c");
    sink.accept(fetched(urls.get(0)), List.of(page(urls.get(0))));
    Instant t = Instant.now();
    sink.accept(new CrawlOutcome("http://example.com/private", CrawlOutcome.Kind.FAILED, 0,
        Optional.of(CrawlReason.ROBOTS), "disallowed", t, t, 0, "", -1, List.of(), List.of(), 1),
        List.of());
    sink.accept(fetched(urls.get(1)), List.of(page(urls.get(1))));
    sink.accept(fetched(urls.get(2)), List.of(page(urls.get(2))));
    sink.close();
    Path warcDir = dir.resolve("warc");
    List<Path> files = new ArrayList<>();
    List<Long> goodLengths = new ArrayList<>();
    for (int part = 0; part < 3; part++) {
      Path f = warcDir.resolve(CrawlLayout.warcName(2, 0, 0, part));
      files.add(f);
      goodLengths.add(Files.size(f));
    }
    try (java.util.stream.Stream<Path> all = Files.list(warcDir)) {
      assertEquals(3, all.count(), "one file per URL with records");
    }

    // The kill: the last file has an unjournaled tail, and a fourth file was opened and written
    // to but nothing in it was journaled.
    Files.write(files.get(2), new byte[] {0x1f, (byte) 0x8b, 8, 0}, StandardOpenOption.APPEND);
    Path fourth = warcDir.resolve(CrawlLayout.warcName(2, 0, 0, 3));
    Files.write(fourth, new byte[] {0x1f, (byte) 0x8b, 8, 0, 0, 0});

    TaskJournal.Previous previous = TaskJournal.recover(fs, layout, 2, 0);
    assertEquals(List.of(urls.get(0), "http://example.com/private", urls.get(1), urls.get(2)),
        new ArrayList<>(previous.outcomes().keySet()));
    assertEquals(1, previous.nextAttempt());
    assertTrue(Files.notExists(fourth), "a file with nothing journaled is deleted");
    for (int i = 0; i < 3; i++) {
      assertEquals(goodLengths.get(i), Files.size(files.get(i)), files.get(i) + " cut back");
      CrawlOutcome o = previous.outcomes().get(urls.get(i));
      assertEquals(files.get(i).getFileName().toString(), o.warcFile());
      assertEquals(o.warcOffset(), offsetOf(files.get(i), urls.get(i)));
      List<String> targets = new ArrayList<>();
      try (WarcReader reader = new WarcReader(files.get(i))) {
        for (WarcRecord r : reader) {
          if (r instanceof WarcResponse resp) {
            targets.add(resp.target());
          }
        }
      }
      assertEquals(List.of(urls.get(i)), targets, "file " + i);
    }
  }

  private static long offsetOf(Path warc, String target) throws Exception {
    try (WarcReader reader = new WarcReader(warc)) {
      for (WarcRecord r : reader) {
        if (r instanceof WarcResponse resp && resp.target().equals(target)) {
          return reader.position();
        }
      }
    }
    return -1;
  }
}
