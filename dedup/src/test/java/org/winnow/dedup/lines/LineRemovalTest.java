package org.winnow.dedup.lines;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import it.unimi.dsi.fastutil.longs.LongOpenHashSet;
import org.junit.jupiter.api.Test;

class LineRemovalTest {
  @Test
  void removesRepeatedLinesAndCountsCharacters() {
    String text = "Accept cookies\n\nReal paragraph one.\nReal line two.\n\nShare on Facebook";
    LongOpenHashSet repeated = new LongOpenHashSet();
    repeated.add(LineFingerprints.of("ACCEPT COOKIES!"));
    repeated.add(LineFingerprints.of("share on facebook"));
    LineRemoval r = LineRemoval.apply(text, repeated);
    assertEquals("Real paragraph one.\nReal line two.", r.text());
    assertEquals(2, r.removedLines());
    assertEquals(text.length() - r.text().length(), r.removedChars());
  }

  @Test
  void nothingRepeatedLeavesTextIdentical() {
    String text = "a\n\n\nb";
    assertSame(text, LineRemoval.apply(text, new LongOpenHashSet()).text());
    LongOpenHashSet other = new LongOpenHashSet(new long[] {LineFingerprints.of("zzz")});
    LineRemoval r = LineRemoval.apply(text, other);
    assertSame(text, r.text());
    assertEquals(0, r.removedChars());
  }

  @Test
  void blankAndPunctuationLinesHaveNoFingerprint() {
    assertEquals(LineFingerprints.NONE, LineFingerprints.of("   "));
    assertEquals(LineFingerprints.NONE, LineFingerprints.of("* * *"));
    assertEquals(2, LineFingerprints.distinct("x\n\nY\nx\n---").length);
  }
}
