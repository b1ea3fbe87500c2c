package org.winnow.tokenizer.bpe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import it.unimi.dsi.fastutil.ints.IntArrayList;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The merger's array path and heap path against a plain list implementation of the rule (merge
 * the lowest-priority adjacent pair, leftmost on ties), on random rule sets and pieces from short
 * to well past the heap threshold.
 */
class PieceMergerTest {

  /** A random merge list over a three-letter alphabet, so long pieces keep finding merges. */
  private static MergeTable randomRules(Random random, int count, int[] byteIds) {
    MergeTable table = new MergeTable(256 + count, count, false);
    int[] alphabet = {'a', 'b', 'c'};
    List<Integer> ids = new ArrayList<>();
    for (int b : alphabet) {
      ids.add(byteIds[b]);
    }
    for (int i = 0; i < count; i++) {
      int left = ids.get(random.nextInt(ids.size()));
      int right = ids.get(random.nextInt(ids.size()));
      if (table.priority(left, right) != MergeTable.NONE) {
        continue;
      }
      int result = 256 + i;
      table.put(left, right, i, result);
      ids.add(result);
    }
    return table;
  }

  private static List<Integer> reference(MergeTable rules, int[] byteIds, byte[] piece, int len) {
    List<Integer> parts = new ArrayList<>();
    for (int i = 0; i < len; i++) {
      parts.add(byteIds[piece[i] & 0xFF]);
    }
    while (true) {
      int best = MergeTable.NONE;
      int at = -1;
      for (int i = 0; i + 1 < parts.size(); i++) {
        int p = rules.priority(parts.get(i), parts.get(i + 1));
        if (p < best) {
          best = p;
          at = i;
        }
      }
      if (at < 0) {
        return parts;
      }
      parts.set(at, rules.result(best));
      parts.remove(at + 1);
    }
  }

  @Test
  void bothPathsMergeLikeThePlainRule() {
    Random random = new Random(17);
    int[] byteIds = new int[256];
    for (int b = 0; b < 256; b++) {
      byteIds[b] = b;
    }
    for (int round = 0; round < 40; round++) {
      MergeTable rules = randomRules(random, 5 + random.nextInt(200), byteIds);
      PieceMerger merger = new PieceMerger(rules, byteIds, PieceMerger.bytePairRules(rules, byteIds));
      for (int i = 0; i < 60; i++) {
        int len = 1 + random.nextInt(i % 2 == 0 ? 40 : 600);
        byte[] piece = new byte[len + ByteHash.PADDING];
        for (int j = 0; j < len; j++) {
          piece[j] = (byte) "abc".charAt(random.nextInt(3));
        }
        IntArrayList out = new IntArrayList();
        merger.merge(piece, len, out);
        assertEquals(reference(rules, byteIds, piece, len), out, "round " + round + ", length " + len);
      }
    }
  }

  @Test
  void aMegabyteOfRepeatsMergesInNLogN() {
    int[] byteIds = new int[256];
    for (int b = 0; b < 256; b++) {
      byteIds[b] = b;
    }
    // "aa", "aaaa", ... : every round halves the piece, the worst case for a rescanning merger.
    MergeTable rules = new MergeTable(300, 30, false);
    int id = 'a';
    for (int i = 0; i < 20; i++) {
      rules.put(id, id, i, 256 + i);
      id = 256 + i;
    }
    PieceMerger merger = new PieceMerger(rules, byteIds, PieceMerger.bytePairRules(rules, byteIds));
    int len = 1 << 20;
    byte[] piece = new byte[len + ByteHash.PADDING];
    java.util.Arrays.fill(piece, 0, len, (byte) 'a');
    IntArrayList out = new IntArrayList();
    assertTimeoutPreemptively(Duration.ofSeconds(20), () -> merger.merge(piece, len, out));
    assertEquals(1, out.size());
    assertEquals(256 + 19, out.getInt(0));
  }
}
