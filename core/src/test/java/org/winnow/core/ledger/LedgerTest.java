package org.winnow.core.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.winnow.core.Document;

class LedgerTest {
  private static Document doc(String id) {
    return new Document(id, "https://example.org/" + id, "example.org", "test",
        Instant.parse("2024-01-01T00:00:00Z"), "en", 0.9, "", "text", "a.warc.gz", 0, 0);
  }

  @Test
  void countsEveryOutcomeOnceAndBalances() {
    Ledger ledger = new Ledger("ingest");
    ledger.record(new Outcome.Kept(doc("a")));
    ledger.record(new Outcome.Kept(doc("b"), List.of("pii_email")));
    ledger.record(Outcome.Dropped.removed("ingest", "revisit", "", doc("c")));
    ledger.record(Outcome.Dropped.rejected("ingest", "too_large", "12 MB", "u", "f", 10));
    ledger.record(Outcome.Dropped.rejected("ingest", "too_large", "11 MB", "u", "f", 20));

    assertEquals(5, ledger.in());
    assertEquals(2, ledger.kept());
    assertEquals(Map.of("revisit", 1L), ledger.removed());
    assertEquals(Map.of("too_large", 2L), ledger.rejected());
    assertEquals(Map.of("pii_email", 1L), ledger.modified());
    assertTrue(ledger.balanced());
    ledger.check(5, 2);
  }

  @Test
  void checkFailsWhenRecordsWereLostOrRowsDiffer() {
    Ledger ledger = new Ledger("filter");
    ledger.count(Fate.KEPT, "", 9);
    ledger.count(Fate.REMOVED, "short", 1);
    LedgerImbalanceException lost =
        assertThrows(LedgerImbalanceException.class, () -> ledger.check(11, 9));
    assertTrue(lost.getMessage().contains("11 were read"), lost.getMessage());
    LedgerImbalanceException written =
        assertThrows(LedgerImbalanceException.class, () -> ledger.check(10, 8));
    assertTrue(written.getMessage().contains("8 rows were written"), written.getMessage());
  }

  @Test
  void jsonRoundTripsWithTheDesignShape() {
    Ledger ledger = new Ledger("filter");
    ledger.count(Fate.KEPT, "", 900);
    ledger.count(Fate.REMOVED, "gopher_word_count", 60);
    ledger.count(Fate.REJECTED, "bad_gzip", 40);
    ledger.countModified("pii_email", 12);
    String json = ledger.toJson(Map.of("elapsed_s", 1.5));

    assertTrue(json.contains("\"stage\" : \"filter\""), json);
    assertTrue(json.contains("\"in\" : 1000"), json);
    assertTrue(json.contains("\"elapsed_s\" : 1.5"), json);
    Ledger back = Ledger.fromJson(json);
    assertEquals(ledger.toJson(), back.toJson());
  }

  @Test
  void mergeAddsPerTaskLedgersOfOneStageOnly() {
    Ledger a = new Ledger("dedup");
    a.count(Fate.KEPT, "", 3);
    Ledger b = new Ledger("dedup");
    b.count(Fate.REMOVED, "exact_duplicate", 2);
    a.merge(b);
    assertEquals(5, a.in());
    assertEquals(Map.of("exact_duplicate", 2L), a.removed());
    assertThrows(IllegalArgumentException.class, () -> a.merge(new Ledger("filter")));
  }

  @Test
  void rejectsBadReasonCodesAndNegativeCounts() {
    assertThrows(IllegalArgumentException.class,
        () -> Outcome.Dropped.rejected("ingest", "Too Large", "", "", "", 0));
    assertThrows(IllegalArgumentException.class,
        () -> new Ledger("x").count(Fate.REMOVED, "r", -1));
    assertThrows(IllegalArgumentException.class, () -> Ledger.fromJson("{\"in\": 1}"));
  }
}
