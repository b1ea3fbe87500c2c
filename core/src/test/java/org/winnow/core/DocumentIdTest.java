package org.winnow.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.junit.jupiter.api.Test;

class DocumentIdTest {
  @Test
  void idIsStableAcrossRunsAndMachines() {
    // Pinned: changing the id function silently would break every lineage lookup.
    assertEquals("9cb439bd839116367c36e4ee389abc87",
        DocumentId.of("https://example.org/", "sha1:AAAA"));
  }

  @Test
  void urlAndDigestBoundaryIsUnambiguous() {
    assertNotEquals(DocumentId.of("a", "bc"), DocumentId.of("ab", "c"));
    assertNotEquals(DocumentId.of("u", "sha1:X"), DocumentId.of("u", "sha1:Y"));
    assertEquals(32, DocumentId.of("", "").length());
  }
}
