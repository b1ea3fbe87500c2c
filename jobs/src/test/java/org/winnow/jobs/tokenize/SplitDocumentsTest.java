package org.winnow.jobs.tokenize;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Documents held column-wise come back with their own tokens, in shard order. */
class SplitDocumentsTest {
  private static void add(SplitDocuments docs, String id, long key, long hash, int... tokens) {
    docs.tokenSink().addElements(docs.tokenSink().size(), tokens);
    assertEquals(tokens.length, docs.add(id, "web", key, hash, 4L * tokens.length));
  }

  @Test
  void ordersByKeyThenIdThenTextHashAndKeepsEachDocumentsTokens() {
    SplitDocuments docs = new SplitDocuments();
    add(docs, "b", 5, 0, 1, 2, 3);
    add(docs, "a", 9, 0, 4);
    add(docs, "c", 5, 0);
    add(docs, "b", 5, -1, 7, 7);
    add(docs, "z", -3, 0, 8, 9);
    int[] order = docs.shardOrder();
    assertArrayEquals(new int[] {4, 3, 0, 2, 1}, order);
    assertArrayEquals(new int[] {8, 9}, tokensOf(docs, 4));
    assertArrayEquals(new int[] {}, tokensOf(docs, 2));
    assertArrayEquals(new int[] {7, 7}, tokensOf(docs, 3));
    assertArrayEquals(new int[] {1, 2, 3}, tokensOf(docs, 0));
    assertEquals("a", docs.docId(1));
    assertEquals(4L, docs.nBytes(1));
  }

  @Test
  void documentsNeverStraddleBlocksAndLongOnesGetTheirOwnArray() {
    SplitDocuments docs = new SplitDocuments();
    int third = SplitDocuments.BLOCK / 3 + 1;
    int[][] expected = {ramp(third, 0), ramp(third, 1), ramp(third, 2), ramp(third, 3),
        ramp(3 * SplitDocuments.BLOCK + 5, 4), ramp(7, 5), ramp(SplitDocuments.BLOCK, 6),
        ramp(0, 7)};
    for (int d = 0; d < expected.length; d++) {
      add(docs, "d" + d, d, 0, expected[d]);
    }
    for (int d = 0; d < expected.length; d++) {
      assertArrayEquals(expected[d], tokensOf(docs, d), "document " + d);
    }
    // Three thirds plus one do not fit a block: the third document starts a new one.
    assertNotSame(docs.tokens(0), docs.tokens(2));
    assertSame(docs.tokens(0), docs.tokens(1));
    assertEquals(3 * SplitDocuments.BLOCK + 5, docs.tokens(4).length);
    assertSame(docs.tokens(3), docs.tokens(5), "a short document after a long one fills the "
        + "block that was being filled");
    assertEquals(0, docs.tokenSink().size());
  }

  private static int[] ramp(int n, int seed) {
    int[] t = new int[n];
    for (int i = 0; i < n; i++) {
      t[i] = seed * 1_000_003 + i;
    }
    return t;
  }

  private static int[] tokensOf(SplitDocuments docs, int i) {
    return Arrays.copyOfRange(docs.tokens(i), docs.start(i), docs.end(i));
  }
}
