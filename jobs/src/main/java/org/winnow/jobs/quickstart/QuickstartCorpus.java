package org.winnow.jobs.quickstart;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Properties;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import org.winnow.jobs.report.ProgressReporter;

/**
 * The quick start's crawl: Europarl documents rendered as pages of {@code europarl.example} and
 * written as WARC files of a few thousand captures each. A seeded share of the pages is sent
 * gzip-encoded, and a few captures are bad input the ingest ledger must account for: images
 * where pages were expected and empty pages. Written once; a finished set is reused.
 */
public final class QuickstartCorpus {
  /** Documents per WARC file, at most; files are balanced below it. */
  public static final int DOCS_PER_FILE = 2_500;
  /** Written last into the WARC directory; its presence marks a complete set. */
  public static final String MARKER = "_SUCCESS";

  /** Every this-many documents, an image capture follows the page (a non-HTML reject). */
  static final int IMAGE_EVERY = 397;
  /** Every this-many documents, an empty page follows the page. */
  static final int EMPTY_EVERY = 499;
  private static final int GZIP_ONE_IN = 12;
  private static final Instant CRAWL_START = Instant.parse("2024-05-18T06:00:00Z");
  private static final long SEED = 0xC0FFEE_2024L;

  /**
   * What the WARC directory holds.
   *
   * @param documents Europarl documents rendered
   * @param captures  request/response pairs written, bad ones included
   * @param bad       captures that are bad input (images, empty pages)
   * @param gzipped   pages sent with {@code Content-Encoding: gzip}
   * @param generated whether this call wrote them (false: reused)
   */
  public record Summary(
      Path dir, List<Path> files, int documents, long captures, long bad, long gzipped,
      boolean generated) {
    public Summary {
      files = List.copyOf(files);
    }

    public long bytes() {
      long sum = 0;
      for (Path f : files) {
        try {
          sum += Files.size(f);
        } catch (IOException e) {
          throw new UncheckedIOException("cannot stat " + f, e);
        }
      }
      return sum;
    }
  }

  private QuickstartCorpus() {}

  /**
   * Makes sure {@code dir} holds the WARC files of the first {@code documents} Europarl documents,
   * writing them when they are absent, incomplete, of another size, or {@code force} is set.
   *
   * @param err where progress goes while writing
   */
  public static Summary ensure(Path dir, int documents, boolean force, PrintWriter err)
      throws IOException {
    int wanted = Math.min(documents, EuroparlReader.SIZE);
    Path marker = dir.resolve(MARKER);
    if (!force && Files.isRegularFile(marker)) {
      Summary existing = read(dir, marker);
      if (existing.documents() == wanted) {
        return existing;
      }
    }
    List<EuroparlDocument> docs = EuroparlReader.read(wanted);
    Path staging = dir.resolveSibling("." + dir.getFileName() + ".writing");
    deleteTree(staging);
    Files.createDirectories(staging);
    Summary written = write(staging, docs, err);
    deleteTree(dir);
    Files.move(staging, dir, StandardCopyOption.ATOMIC_MOVE);
    return new Summary(dir, written.files().stream().map(f -> dir.resolve(f.getFileName())).toList(),
        written.documents(), written.captures(), written.bad(), written.gzipped(), true);
  }

  private static Summary write(Path dir, List<EuroparlDocument> docs, PrintWriter err)
      throws IOException {
    int fileCount = Math.max(1, (docs.size() + DOCS_PER_FILE - 1) / DOCS_PER_FILE);
    int perFile = Math.max(1, (docs.size() + fileCount - 1) / fileCount);
    AtomicLong done = new AtomicLong();
    AtomicLong captures = new AtomicLong();
    AtomicLong bad = new AtomicLong();
    AtomicLong gzipped = new AtomicLong();
    List<Path> files = IntStream.range(0, fileCount)
        .mapToObj(i -> dir.resolve(String.format("europarl-20240518060000-%05d.warc.gz", i)))
        .toList();
    try (ProgressReporter p = ProgressReporter.start("quickstart: writing WARCs", err, done::get,
        done::get, docs.size(), ProgressReporter.Unit.DOCUMENTS)) {
      // Files are independent, so they are written in parallel; each one's bytes are fixed.
      IntStream.range(0, fileCount).parallel().forEach(f -> {
        int from = f * perFile;
        int to = Math.min(docs.size(), from + perFile);
        try (CaptureWriter w = new CaptureWriter(files.get(f), CRAWL_START.plusSeconds(from * 6L))) {
          for (int i = from; i < to; i++) {
            EuroparlDocument doc = docs.get(i);
            SplittableRandom rnd = new SplittableRandom(SEED ^ (i * 0x9E3779B97F4A7C15L));
            Instant at = CRAWL_START.plusSeconds(i * 6L + rnd.nextInt(5));
            boolean gzip = rnd.nextInt(GZIP_ONE_IN) == 0;
            byte[] html = PageRenderer.render(doc, related(docs, i)).getBytes(StandardCharsets.UTF_8);
            w.write(new HttpCapture(URI.create(PageRenderer.urlOf(doc)), at, ip(i), 200,
                "text/html; charset=utf-8", gzip ? gzip(html) : html, gzip));
            if (gzip) {
              gzipped.incrementAndGet();
            }
            if (i % IMAGE_EVERY == 3) {
              w.write(imageCapture(i, at.plusSeconds(1), rnd));
              bad.incrementAndGet();
            }
            if (i % EMPTY_EVERY == 7) {
              w.write(new HttpCapture(URI.create("https://" + PageRenderer.HOST + "/debates/print/"
                  + doc.index() + ".html"), at.plusSeconds(2), ip(i), 200,
                  "text/html; charset=utf-8", new byte[0], false));
              bad.incrementAndGet();
            }
            done.incrementAndGet();
          }
          captures.addAndGet(w.captures());
        } catch (IOException e) {
          throw new UncheckedIOException("cannot write " + files.get(f), e);
        }
      });
    }
    Summary s = new Summary(dir, files, docs.size(), captures.get(), bad.get(), gzipped.get(), true);
    writeMarker(dir.resolve(MARKER), s);
    return s;
  }

  /** A few other documents of the set, chosen by index, as the page's related links. */
  static List<EuroparlDocument> related(List<EuroparlDocument> docs, int i) {
    int n = docs.size();
    List<EuroparlDocument> out = new ArrayList<>();
    for (int k = 0; k < 3 + i % 3 && k < n - 1; k++) {
      out.add(docs.get((i + 1 + k * 37) % n));
    }
    return out;
  }

  /** A JPEG answer where the crawler expected a page: a header and seeded noise. */
  private static HttpCapture imageCapture(int i, Instant at, SplittableRandom rnd) {
    byte[] body = new byte[2048 + rnd.nextInt(4096)];
    for (int k = 0; k < body.length; k++) {
      body[k] = (byte) rnd.nextInt(256);
    }
    byte[] soi = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 0x10, 'J', 'F', 'I', 'F', 0};
    System.arraycopy(soi, 0, body, 0, soi.length);
    return new HttpCapture(URI.create("https://" + PageRenderer.HOST + "/media/plenary-" + i + ".jpg"),
        at, ip(i), 200, "image/jpeg", body, false);
  }

  /** Addresses in TEST-NET-1 (RFC 5737), as if the site ran on four servers. */
  private static InetAddress ip(int i) {
    try {
      return InetAddress.getByAddress(new byte[] {(byte) 192, 0, 2, (byte) (10 + i % 4)});
    } catch (UnknownHostException e) {
      throw new IllegalStateException("a 4-byte address is always valid", e);
    }
  }

  private static byte[] gzip(byte[] data) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(data.length / 3 + 64);
    try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
      gz.write(data);
    } catch (IOException e) {
      throw new UncheckedIOException("gzip in memory cannot fail", e);
    }
    return out.toByteArray();
  }

  private static void writeMarker(Path marker, Summary s) throws IOException {
    Properties p = new Properties();
    p.setProperty("documents", Integer.toString(s.documents()));
    p.setProperty("captures", Long.toString(s.captures()));
    p.setProperty("bad", Long.toString(s.bad()));
    p.setProperty("gzipped", Long.toString(s.gzipped()));
    p.setProperty("files", String.join(",", s.files().stream().map(f -> f.getFileName().toString()).toList()));
    try (var out = Files.newBufferedWriter(marker, StandardCharsets.UTF_8)) {
      p.store(out, "quickstart WARC set, complete");
    }
  }

  private static Summary read(Path dir, Path marker) throws IOException {
    Properties p = new Properties();
    try (var in = Files.newBufferedReader(marker, StandardCharsets.UTF_8)) {
      p.load(in);
    }
    try {
      List<Path> files = Stream.of(p.getProperty("files", "").split(","))
          .filter(s -> !s.isEmpty()).map(dir::resolve).toList();
      for (Path f : files) {
        if (!Files.isRegularFile(f)) {
          return new Summary(dir, List.of(), -1, 0, 0, 0, false);
        }
      }
      return new Summary(dir, files, Integer.parseInt(p.getProperty("documents")),
          Long.parseLong(p.getProperty("captures")), Long.parseLong(p.getProperty("bad")),
          Long.parseLong(p.getProperty("gzipped")), false);
    } catch (RuntimeException e) {
      // An unreadable marker means an unknown set: it is regenerated, not trusted.
      return new Summary(dir, List.of(), -1, 0, 0, 0, false);
    }
  }

  private static void deleteTree(Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
