package org.winnow.ingest.warc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.winnow.core.ledger.Fate;
import org.winnow.ingest.IngestConfig;

/** The reason and modification registries, and the configuration's checks. */
class IngestReasonTest {
  @Test
  void reasonCodesAreUniqueLedgerKeysWithAMeaning() {
    Set<String> codes = new HashSet<>();
    for (IngestReason r : IngestReason.values()) {
      assertTrue(r.code().matches("[a-z][a-z0-9_]*"), r.code());
      assertTrue(codes.add(r.code()), "duplicate " + r.code());
      assertNotEquals(Fate.KEPT, r.fate(), r.code());
      assertFalse(r.meaning().isBlank(), r.code());
    }
    for (IngestModification m : IngestModification.values()) {
      assertTrue(m.code().matches("[a-z][a-z0-9_]*"), m.code());
      assertTrue(codes.add(m.code()), "duplicate " + m.code());
    }
  }

  @Test
  void onlyStreamFailuresEndTheStream() {
    for (IngestReason r : IngestReason.values()) {
      assertEquals(r.code().endsWith("_warc") || r == IngestReason.WARC_READ_ERROR, r.endsStream(),
          r.code());
    }
  }

  @Test
  void configurationRejectsBadValuesByName() {
    IngestConfig ok = IngestConfig.defaults("src");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> ok.withLanguages(List.of("en", "zz")));
    assertTrue(e.getMessage().contains("zz"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> ok.withMaxRecordBytes(0));
    assertTrue(e.getMessage().contains("maxRecordBytes"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> ok.withExtractTimeout(Duration.ZERO));
    assertTrue(e.getMessage().contains("extractTimeout"), e.getMessage());
    assertThrows(IllegalArgumentException.class,
        () -> new IngestConfig("src", 10, Duration.ofSeconds(1), List.of(), 0));
  }
}
