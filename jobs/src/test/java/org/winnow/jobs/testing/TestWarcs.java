package org.winnow.jobs.testing;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.net.InetAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.winnow.jobs.quickstart.CaptureWriter;
import org.winnow.jobs.quickstart.EuroparlDocument;
import org.winnow.jobs.quickstart.EuroparlReader;
import org.winnow.jobs.quickstart.HttpCapture;
import org.winnow.jobs.quickstart.PageRenderer;

/**
 * Small WARC fixtures for job tests: a few files of rendered Europarl pages with bad records in
 * known places, so a test knows every record's expected fate.
 */
public final class TestWarcs {
  /** URL of the image capture in the first file: rejected as unsupported content. */
  public static final String IMAGE_URL = "https://" + PageRenderer.HOST + "/media/chart.png";
  /** URL of the empty page in the second file. */
  public static final String EMPTY_URL = "https://" + PageRenderer.HOST + "/debates/empty.html";
  private static final Instant T0 = Instant.parse("2024-05-18T06:00:00Z");

  /**
   * What was written.
   *
   * @param files     the WARC files, sorted by name
   * @param pages     HTML pages written whole (each should be kept)
   * @param bad       whole captures that are bad input (image, empty page)
   * @param truncated whether the last file ends inside a record
   */
  public record Fixture(List<Path> files, int pages, int bad, boolean truncated) {
    /** Candidate records the ingest ledger must count: pages, bad ones, and one for the cut. */
    public long expectedIn() {
      return pages + bad + (truncated ? 1 : 0);
    }
  }

  private TestWarcs() {}

  /**
   * Writes {@code files} WARC files of {@code pagesPerFile} pages each into {@code dir}; the first
   * holds an image after its pages, the second an empty page (neither in a file that is cut),
   * and with {@code truncate} the last file is cut inside its last page's response record, so
   * that page turns into a truncation reject.
   */
  public static Fixture write(Path dir, int files, int pagesPerFile, boolean truncate)
      throws IOException {
    Files.createDirectories(dir);
    List<EuroparlDocument> docs = EuroparlReader.read(files * pagesPerFile + 8);
    List<Path> paths = new ArrayList<>();
    long lastPageStart = -1;
    int pages = 0;
    int bad = 0;
    for (int f = 0; f < files; f++) {
      Path path = dir.resolve(String.format("test-%03d.warc.gz", f));
      try (CaptureWriter w = new CaptureWriter(path, T0)) {
        for (int i = 0; i < pagesPerFile; i++) {
          EuroparlDocument d = docs.get(f * pagesPerFile + i);
          lastPageStart = w.position();
          w.write(page(d, docs.subList(docs.size() - 3, docs.size()), f * 100 + i));
          pages++;
        }
        if (f == 0 && !(truncate && f == files - 1)) {
          w.write(capture(IMAGE_URL, "image/png", pngBytes(), 900));
          bad++;
        }
        if (f == 1 && !(truncate && f == files - 1)) {
          w.write(capture(EMPTY_URL, "text/html; charset=utf-8", new byte[0], 901));
          bad++;
        }
      }
      paths.add(path);
    }
    if (truncate) {
      cutInside(paths.get(paths.size() - 1), lastPageStart);
      // The cut page is not counted as a page: it becomes the truncation reject.
      pages--;
    }
    return new Fixture(List.copyOf(paths), pages, bad, truncate);
  }

  /** A page capture of {@code d}, its time offset by {@code second}. */
  public static HttpCapture page(EuroparlDocument d, List<EuroparlDocument> related, int second) {
    byte[] html = PageRenderer.render(d, related).getBytes(StandardCharsets.UTF_8);
    return new HttpCapture(URI.create(PageRenderer.urlOf(d)), T0.plusSeconds(second), ip(),
        200, "text/html; charset=utf-8", html, false);
  }

  private static HttpCapture capture(String url, String type, byte[] body, int second) {
    return new HttpCapture(URI.create(url), T0.plusSeconds(second), ip(), 200, type, body, false);
  }

  /** Ends {@code file} 200 bytes into the gzip member of the response record at {@code start}. */
  private static void cutInside(Path file, long start) throws IOException {
    try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
      raf.setLength(start + 200);
    }
  }

  private static byte[] pngBytes() {
    byte[] b = new byte[512];
    byte[] sig = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
    System.arraycopy(sig, 0, b, 0, sig.length);
    for (int i = sig.length; i < b.length; i++) {
      b[i] = (byte) (i * 31);
    }
    return b;
  }

  private static InetAddress ip() {
    try {
      return InetAddress.getByAddress(new byte[] {(byte) 192, 0, 2, 10});
    } catch (java.net.UnknownHostException e) {
      throw new IllegalStateException(e);
    }
  }
}
