package org.winnow.ingest.warc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.winnow.ingest.warc.WarcFixtures.ENGLISH;
import static org.winnow.ingest.warc.WarcFixtures.ascii;
import static org.winnow.ingest.warc.WarcFixtures.http;
import static org.winnow.ingest.warc.WarcFixtures.page;
import static org.winnow.ingest.warc.WarcFixtures.record;
import static org.winnow.ingest.warc.WarcFixtures.utf8;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.winnow.core.ledger.Outcome;
import org.winnow.ingest.IngestConfig;
import org.winnow.ingest.WarcIngester;

/**
 * STYLE habit 9: a small WARC cut at every k-th byte (and around every record boundary) reads
 * as the records before the cut, then exactly one counted reject; never an exception, never a
 * hang.
 */
@Timeout(60)
class TruncationTest {
  private static WarcIngester ingester;
  private static byte[][] records;

  @BeforeAll
  static void setUp() {
    ingester = new WarcIngester(
        IngestConfig.defaults("cut").withLanguages(List.of("en", "de", "fr")));
    records = new byte[][] {
      WarcFixtures.warcinfo(),
      WarcFixtures.request("http://example.com/a"),
      WarcFixtures.response("http://example.com/a", "text/html; charset=utf-8",
          utf8(page("The mill", ENGLISH))),
      record("response", "http://example.com/missing", "application/http;msgtype=response",
          http("HTTP/1.1 404 Not Found", List.of("Content-Type: text/html"), ascii("gone"))),
      WarcFixtures.response("http://example.com/notes.txt", "text/plain", utf8(ENGLISH)),
      record("revisit", "http://example.com/a", "application/http;msgtype=response",
          http("HTTP/1.1 200 OK", List.of("Content-Type: text/html"), new byte[0]),
          "WARC-Profile: http://netpreserve.org/warc/1.1/revisit/identical-payload-digest",
          "WARC-Payload-Digest: sha1:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"),
      record("resource", "http://example.com/b", "text/html", utf8(page("Fields", ENGLISH))),
      WarcFixtures.response("http://example.com/logo.png", "image/png", new byte[] {1, 2, 3}),
    };
  }

  @Test
  void gzipCutAtEveryKthByte() {
    byte[] file = WarcFixtures.gzipPerRecord(records);
    List<Long> members = GzipMembers.starts(file);
    List<String> full = summary(WarcFixtures.readAll(ingester, file, "cut.warc.gz"));
    assertEquals(6, full.size(), full.toString());
    int rejects = 0;
    int expectedRejects = 0;
    for (int cut : cuts(file.length, members, 7)) {
      List<Outcome> outcomes =
          WarcFixtures.readAll(ingester, Arrays.copyOf(file, cut), "cut.warc.gz");
      WarcFixtures.ledger(outcomes);
      boolean boundary = cut == file.length || members.contains((long) cut);
      expectedRejects += boundary ? 0 : 1;
      rejects += checkPrefix(full, outcomes, cut, boundary);
    }
    assertEquals(expectedRejects, rejects, "one counted reject per cut inside a member");
  }

  @Test
  void plainWarcCutAtEveryKthByte() {
    byte[] file = WarcFixtures.concat(records);
    List<Long> starts = new ArrayList<>();
    List<Long> blockEnds = new ArrayList<>();
    long p = 0;
    for (byte[] r : records) {
      starts.add(p);
      p += r.length;
      blockEnds.add(p - 4);
    }
    List<String> full = summary(WarcFixtures.readAll(ingester, file, "cut.warc"));
    int rejects = 0;
    int expectedRejects = 0;
    for (int cut : cuts(file.length, starts, 11)) {
      List<Outcome> outcomes = WarcFixtures.readAll(ingester, Arrays.copyOf(file, cut), "cut.warc");
      WarcFixtures.ledger(outcomes);
      // A cut right before a record's trailing CRLFCRLF leaves it whole: jwarc warns, no reject.
      boolean whole = cut == file.length || starts.contains((long) cut)
          || blockEnds.contains((long) cut);
      expectedRejects += whole ? 0 : 1;
      rejects += checkPrefix(full, outcomes, cut, whole);
    }
    assertEquals(expectedRejects, rejects, "one counted reject per cut inside a record");
  }

  /** Cuts every k-th byte, and one byte either side of every record start. */
  private static List<Integer> cuts(int length, List<Long> starts, int k) {
    List<Integer> cuts = new ArrayList<>();
    for (int c = 0; c <= length; c += k) {
      cuts.add(c);
    }
    for (long s : starts) {
      for (long c = s - 5; c <= s + 1; c++) {
        if (c >= 0 && c <= length && !cuts.contains((int) c)) {
          cuts.add((int) c);
        }
      }
    }
    cuts.add(length);
    return cuts;
  }

  /** Asserts the outcomes are a prefix of the full run plus at most one final reject. */
  private static int checkPrefix(List<String> full, List<Outcome> outcomes, int cut, boolean whole) {
    List<String> got = summary(outcomes);
    int n = got.size();
    Outcome last = n == 0 ? null : outcomes.get(n - 1);
    boolean endsWithReject = last instanceof Outcome.Dropped d
        && (d.reason().equals("truncated_warc") || d.reason().equals("malformed_warc"));
    int prefix = endsWithReject ? n - 1 : n;
    assertEquals(full.subList(0, prefix), got.subList(0, prefix), "cut at " + cut);
    if (endsWithReject) {
      Outcome.Dropped d = (Outcome.Dropped) last;
      assertEquals("truncated_warc", d.reason(), "cut at " + cut + ": " + d.detail());
      assertTrue(d.warcOffset() <= cut, d.detail());
      assertTrue(d.detail().startsWith(d.warcFile() + ":" + d.warcOffset() + ": "), d.detail());
    }
    assertEquals(!whole, endsWithReject,
        "cut at " + cut + (whole ? " is at a boundary" : " is inside a record") + ": " + got);
    return endsWithReject ? 1 : 0;
  }

  private static List<String> summary(List<Outcome> outcomes) {
    List<String> s = new ArrayList<>();
    for (Outcome o : outcomes) {
      if (o instanceof Outcome.Kept k) {
        s.add("kept " + k.document().url() + " @" + k.document().warcOffset());
      } else {
        Outcome.Dropped d = (Outcome.Dropped) o;
        s.add(d.reason() + " " + d.url() + " @" + d.warcOffset());
      }
    }
    return s;
  }
}
