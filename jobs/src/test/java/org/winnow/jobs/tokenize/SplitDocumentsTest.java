package org.winnow.jobs.tokenize;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

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

  private static int[] tokensOf(SplitDocuments docs, int i) {
    return Arrays.copyOfRange(docs.tokens(), docs.start(i), docs.end(i));
  }
}
