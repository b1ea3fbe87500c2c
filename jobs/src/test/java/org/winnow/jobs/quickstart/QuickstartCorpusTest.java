package org.winnow.jobs.quickstart;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.netpreserve.jwarc.MessageVersion;
import org.netpreserve.jwarc.WarcDigest;
import org.netpreserve.jwarc.WarcReader;
import org.netpreserve.jwarc.WarcRecord;
import org.netpreserve.jwarc.WarcRequest;
import org.netpreserve.jwarc.WarcResponse;
import org.netpreserve.jwarc.Warcinfo;

class QuickstartCorpusTest {
  private static final PrintWriter QUIET = new PrintWriter(Writer.nullWriter());

  @TempDir Path tmp;

  @Test
  void writesWellFormedWarcsOnceAndReusesThem() throws Exception {
    Path dir = tmp.resolve("warc");
    QuickstartCorpus.Summary s = QuickstartCorpus.ensure(dir, 60, false, QUIET);
    assertTrue(s.generated());
    assertEquals(60, s.documents());
    assertEquals(1, s.files().size());
    assertTrue(s.bad() >= 2, "an image and an empty page among the first 60: " + s);
    assertEquals(60 + s.bad(), s.captures());

    int responses = 0;
    int requests = 0;
    int gzipped = 0;
    int html = 0;
    try (WarcReader reader = new WarcReader(s.files().get(0))) {
      for (WarcRecord rec : reader) {
        assertEquals(MessageVersion.WARC_1_1, rec.version());
        if (rec instanceof Warcinfo) {
          continue;
        }
        if (rec instanceof WarcResponse r) {
          responses++;
          assertTrue(r.target().startsWith("https://europarl.example/"), r.target());
          assertTrue(r.ipAddress().isPresent());
          byte[] payload = r.http().body().stream().readAllBytes();
          WarcDigest expected = r.payloadDigest().orElseThrow();
          assertArrayEquals(expected.bytes(), MessageDigest.getInstance("SHA-1").digest(payload),
              "payload digest of " + r.target());
          if (r.http().headers().first("Content-Encoding").isPresent()) {
            gzipped++;
          }
          if (r.http().contentType().base().toString().equals("text/html") && payload.length > 0) {
            html++;
          }
        } else if (rec instanceof WarcRequest q) {
          requests++;
          assertTrue(q.concurrentTo().size() == 1);
        }
      }
    }
    assertEquals(s.captures(), responses);
    assertEquals(responses, requests);
    assertEquals(60, html);
    assertEquals(s.gzipped(), gzipped);

    FileTime written = Files.getLastModifiedTime(s.files().get(0));
    QuickstartCorpus.Summary again = QuickstartCorpus.ensure(dir, 60, false, QUIET);
    assertFalse(again.generated());
    assertEquals(s.files(), again.files());
    assertEquals(written, Files.getLastModifiedTime(s.files().get(0)));

    QuickstartCorpus.Summary bigger = QuickstartCorpus.ensure(dir, 70, false, QUIET);
    assertTrue(bigger.generated(), "another size is another set");
    assertEquals(70, bigger.documents());
  }

  @Test
  void theSameDocumentsGiveTheSameBytes() throws IOException {
    QuickstartCorpus.Summary a = QuickstartCorpus.ensure(tmp.resolve("a"), 25, false, QUIET);
    QuickstartCorpus.Summary b = QuickstartCorpus.ensure(tmp.resolve("b"), 25, false, QUIET);
    assertArrayEquals(Files.readAllBytes(a.files().get(0)), Files.readAllBytes(b.files().get(0)));
    Optional<Path> leftover;
    try (var list = Files.list(tmp)) {
      leftover = list.filter(p -> p.getFileName().toString().endsWith(".writing")).findAny();
    }
    assertTrue(leftover.isEmpty(), "no staging directory left: " + leftover);
  }
}
