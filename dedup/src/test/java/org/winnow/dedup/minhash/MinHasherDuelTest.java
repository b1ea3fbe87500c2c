package org.winnow.dedup.minhash;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MinHasherDuelTest {
  private static final String[] VOCAB = ("the of and to in a is that for it as was with be by on "
      + "not he I this are or his from at which but have an they you were her she there been "
      + "Straße ÉCOLE naïve 東京 москва ñandú").split(" ");

  static String randomText(Random r, int words) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < words; i++) {
      if (i > 0) {
        sb.append(r.nextInt(10) == 0 ? ", " : " ");
      }
      sb.append(VOCAB[r.nextInt(VOCAB.length)]);
    }
    return sb.toString();
  }

  @Test
  void optimisedAndNaiveGiveIdenticalSignatures() {
    Random r = new Random(42);
    for (MinHashParams p : List.of(MinHashParams.defaults(), new MinHashParams(3, 4, 2, 7),
        new MinHashParams(1, 1, 1, 99))) {
      MinHasher fast = new MinHasher(p);
      NaiveMinHasher naive = new NaiveMinHasher(p);
      // Lengths around the shingle size and past the word buffer's first size (256).
      for (int words : new int[] {0, 1, 2, 4, 5, 6, 17, 255, 256, 257, 600}) {
        for (int rep = 0; rep < 3; rep++) {
          String text = randomText(r, words);
          assertArrayEquals(naive.signature(text), fast.signature(text),
              "params " + p + ", " + words + " words");
        }
      }
    }
  }

  @Test
  void emptyTextHasEmptySignatureAndShortTextHasOne() {
    MinHasher h = new MinHasher(MinHashParams.defaults());
    assertEquals(0, h.signature("").length);
    assertEquals(0, h.signature(" ... !!! ").length);
    assertEquals(112, h.signature("word").length);
  }

  @Test
  void estimateTracksBruteForceJaccard() {
    Random r = new Random(7);
    MinHashParams p = MinHashParams.defaults();
    MinHasher h = new MinHasher(p);
    MatchingWords mw = new MatchingWords();
    double worst = 0;
    for (int trial = 0; trial < 40; trial++) {
      List<String> a = mw.of(randomText(r, 300));
      List<String> b = new ArrayList<>(a);
      int edits = r.nextInt(60);
      for (int e = 0; e < edits; e++) {
        b.set(r.nextInt(b.size()), VOCAB[r.nextInt(VOCAB.length)] + "x" + e);
      }
      double exact = jaccard(shingles(a, p.ngram()), shingles(b, p.ngram()));
      double est = MinHasher.estimatedJaccard(h.signatureOfWords(a), h.signatureOfWords(b));
      worst = Math.max(worst, Math.abs(exact - est));
    }
    // 112 hashes: standard error <= 0.048; 40 trials stay within about 3.5 of them.
    assertTrue(worst < 0.17, "worst |estimate - Jaccard| = " + worst);
  }

  static Set<String> shingles(List<String> words, int n) {
    Set<String> s = new HashSet<>();
    for (int i = 0; i + n <= words.size(); i++) {
      s.add(String.join(" ", words.subList(i, i + n)));
    }
    return s;
  }

  static double jaccard(Set<String> a, Set<String> b) {
    Set<String> inter = new HashSet<>(a);
    inter.retainAll(b);
    Set<String> union = new HashSet<>(a);
    union.addAll(b);
    return union.isEmpty() ? 0 : (double) inter.size() / union.size();
  }
}
