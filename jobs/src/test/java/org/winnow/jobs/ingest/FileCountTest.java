package org.winnow.jobs.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class FileCountTest {
  @Test
  void oneFilePerTargetAtLeastOneAtMostOnePerRow() {
    assertEquals(1, FileCount.of(0, 0, 100));
    assertEquals(1, FileCount.of(100, 10, 100));
    assertEquals(2, FileCount.of(101, 10, 100));
    assertEquals(3, FileCount.of(1_000, 3, 100));
    assertEquals(10, FileCount.of(1_000, 1_000, 100));
  }
}
