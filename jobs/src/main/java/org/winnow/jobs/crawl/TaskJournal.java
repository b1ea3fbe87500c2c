package org.winnow.jobs.crawl;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.winnow.ingest.crawl.CrawlOutcome;
import org.winnow.ingest.crawl.CrawlReason;

/**
 * A crawl task's journal: one JSON line per outcome, written and flushed right after the WARC
 * records it refers to, so that a task killed at any point can be resumed without losing or
 * refetching a page. On resume, the lines of earlier attempts say which URLs are done, and each
 * earlier WARC file is cut back to the end of its last journaled record (a record written but not
 * journaled when the kill came is dropped, and its URL fetched again).
 */
final class TaskJournal implements Closeable {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final FSDataOutputStream out;

  private TaskJournal(FSDataOutputStream out) {
    this.out = out;
  }

  /** What earlier attempts of a task left: their outcomes, and the next attempt number. */
  record Previous(Map<String, CrawlOutcome> outcomes, int nextAttempt) {}

  /** Reads earlier attempts of {@code task} and repairs their WARC files. */
  static Previous recover(FileSystem fs, CrawlLayout layout, int round, int task)
      throws IOException {
    Path dir = new Path(layout.journalDir(round));
    Map<String, CrawlOutcome> done = new LinkedHashMap<>();
    int next = 0;
    if (!fs.exists(dir)) {
      return new Previous(done, next);
    }
    for (int attempt = 0; ; attempt++) {
      Path journal = new Path(dir, CrawlLayout.journalName(task, attempt));
      if (!fs.exists(journal)) {
        // An attempt killed before its journal existed journaled nothing.
        cutBackParts(fs, layout, round, task, attempt, Map.of());
        next = attempt;
        break;
      }
      // Per WARC file, the end of its last journaled record. A line without a file (an outcome
      // with no records) says nothing about any file.
      Map<String, Long> validEnds = new HashMap<>();
      try (InputStream in = fs.open(journal);
          BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
        String line;
        while ((line = r.readLine()) != null) {
          Optional<Line> parsed = parse(line);
          if (parsed.isEmpty()) {
            break; // a line cut by the kill: everything after it is lost too
          }
          CrawlOutcome o = parsed.get().outcome();
          done.put(key(o), o);
          if (!o.warcFile().isEmpty()) {
            validEnds.merge(o.warcFile(), parsed.get().warcEnd(), Math::max);
          }
        }
      }
      cutBackParts(fs, layout, round, task, attempt, validEnds);
    }
    return new Previous(done, next);
  }

  /** Outcomes are keyed by URL, sitemap outcomes apart from frontier URLs. */
  static String key(CrawlOutcome o) {
    return o.kind() == CrawlOutcome.Kind.SITEMAP ? "sitemap " + o.url() : o.url();
  }

  /**
   * Cuts each WARC file of an attempt back to its journaled end; a file with nothing journaled is
   * deleted. Files are numbered from 0 without gaps, since a task starts its next file only after
   * journaling a record in the current one.
   */
  private static void cutBackParts(FileSystem fs, CrawlLayout layout, int round, int task,
      int attempt, Map<String, Long> validEnds) throws IOException {
    for (int part = 0; ; part++) {
      String name = CrawlLayout.warcName(round, task, attempt, part);
      Path warc = new Path(layout.warcDir(), name);
      if (!fs.exists(warc)) {
        return;
      }
      cutBack(fs, warc, validEnds.getOrDefault(name, 0L));
    }
  }

  private static void cutBack(FileSystem fs, Path warc, long validEnd) throws IOException {
    if (!fs.exists(warc)) {
      return;
    }
    FileStatus st = fs.getFileStatus(warc);
    if (st.getLen() <= validEnd) {
      return;
    }
    if (validEnd == 0) {
      fs.delete(warc, false);
      return;
    }
    Path tmp = new Path(warc.getParent(), "_" + warc.getName() + ".cut");
    try (InputStream in = fs.open(warc); OutputStream o = fs.create(tmp, true)) {
      byte[] buf = new byte[1 << 16];
      long left = validEnd;
      while (left > 0) {
        int n = in.read(buf, 0, (int) Math.min(buf.length, left));
        if (n < 0) {
          throw new IOException(warc + " is shorter than its journal says (" + validEnd + ")");
        }
        o.write(buf, 0, n);
        left -= n;
      }
    }
    fs.delete(warc, false);
    if (!fs.rename(tmp, warc)) {
      throw new IOException("cannot rename " + tmp + " to " + warc);
    }
  }

  static TaskJournal create(FileSystem fs, CrawlLayout layout, int round, int task, int attempt)
      throws IOException {
    Path p = new Path(layout.journalDir(round), CrawlLayout.journalName(task, attempt));
    return new TaskJournal(fs.create(p, false));
  }

  /** Appends {@code o} and makes it durable. */
  void append(CrawlOutcome o, long warcEnd) throws IOException {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("url", o.url());
    m.put("kind", o.kind().name());
    m.put("http_status", o.httpStatus());
    m.put("reason", o.reason().map(CrawlReason::name).orElse(null));
    m.put("detail", o.detail());
    m.put("fetch_time_ms", o.fetchTime().toEpochMilli());
    m.put("next_fetch_ms", o.nextFetch().toEpochMilli());
    m.put("attempts", o.attempts());
    m.put("warc_file", o.warcFile());
    m.put("warc_offset", o.warcOffset());
    m.put("warc_end", warcEnd);
    m.put("links", o.links());
    m.put("fetched", o.fetched());
    m.put("depth", o.depth());
    byte[] line = (JSON.writeValueAsString(m) + "\n").getBytes(StandardCharsets.UTF_8);
    out.write(line);
    out.hflush();
  }

  private record Line(CrawlOutcome outcome, long warcEnd) {}

  @SuppressWarnings("unchecked")
  private static Optional<Line> parse(String line) {
    try {
      Map<String, Object> m = JSON.readValue(line, HashMap.class);
      String reason = (String) m.get("reason");
      CrawlOutcome o = new CrawlOutcome((String) m.get("url"),
          CrawlOutcome.Kind.valueOf((String) m.get("kind")),
          ((Number) m.get("http_status")).intValue(),
          reason == null ? Optional.empty() : Optional.of(CrawlReason.valueOf(reason)),
          (String) m.get("detail"),
          Instant.ofEpochMilli(((Number) m.get("fetch_time_ms")).longValue()),
          Instant.ofEpochMilli(((Number) m.get("next_fetch_ms")).longValue()),
          ((Number) m.get("attempts")).intValue(), (String) m.get("warc_file"),
          ((Number) m.get("warc_offset")).longValue(),
          new ArrayList<>((List<String>) m.get("links")),
          new ArrayList<>((List<String>) m.get("fetched")),
          ((Number) m.get("depth")).intValue());
      return Optional.of(new Line(o, ((Number) m.get("warc_end")).longValue()));
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }

  @Override
  public void close() throws IOException {
    out.close();
  }
}
