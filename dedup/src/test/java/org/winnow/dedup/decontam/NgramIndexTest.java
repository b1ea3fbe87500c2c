package org.winnow.dedup.decontam;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NgramIndexTest {
  static final String EVAL = "The quick brown fox jumps over the lazy dog while the farmer "
      + "watches from the porch and drinks his morning coffee slowly";
  static final String OTHER = "Completely different words make up this second protected text "
      + "so that it shares no thirteen word span with anything in training at all";

  static NgramIndex index() {
    return NgramIndex.build(List.of(
        new ProtectedText("q1", "evalA", EVAL),
        new ProtectedText("q2", "evalB", OTHER),
        new ProtectedText("q3", "evalB", "too short to protect")), 13);
  }

  @Test
  void findsASharedThirteenGramWhateverTheCase() {
    NgramIndex idx = index();
    String training = "Intro text. THE QUICK BROWN FOX jumps over the lazy dog while the farmer "
        + "watches from the porch, then something else entirely.";
    Overlap o = idx.overlap(training);
    assertTrue(o.matched() >= 2, o.toString());
    assertEquals(Map.of("evalA", o.matched()), o.matchedBySource());
    assertEquals("evalA", o.topSource());
  }

  @Test
  void sharesAtLeastCountsDistinctMatchedShingles() {
    NgramIndex idx = index();
    // EVAL's first 14 words: two shingles, twice over.
    String twoShingles = "The quick brown fox jumps over the lazy dog while the farmer watches from";
    String training = twoShingles + " and again: " + twoShingles;
    assertEquals(2, idx.overlap(training).matched());
    assertTrue(idx.sharesAtLeast(training, 1));
    assertTrue(idx.sharesAtLeast(training, 2));
    assertFalse(idx.sharesAtLeast(training, 3));
    assertFalse(idx.sharesAtLeast("nothing in common with either text at all, not a single "
        + "thirteen word span of it", 1));
    assertFalse(NgramIndex.build(List.of(), 13).sharesAtLeast(EVAL, 1));
  }

  @Test
  void aShingleOfSeveralSourcesCountsForEach() {
    NgramIndex idx = NgramIndex.build(List.of(
        new ProtectedText("a1", "evalA", EVAL),
        new ProtectedText("b1", "evalB", "Prefix words here. " + EVAL),
        new ProtectedText("c1", "evalC", OTHER),
        new ProtectedText("a2", "evalA", OTHER),
        new ProtectedText("d1", "evalD", OTHER + " and a tail")), 13);
    Overlap o = idx.overlap(EVAL);
    assertEquals(o.shingles(), o.matched());
    assertEquals(Map.of("evalA", o.matched(), "evalB", o.matched()), o.matchedBySource());
    Overlap other = idx.overlap(OTHER);
    assertEquals(Map.of("evalA", other.matched(), "evalC", other.matched(), "evalD",
        other.matched()), other.matchedBySource());
    assertTrue(idx.bytes() >= idx.shingles() * 12, idx.bytes() + " bytes");
  }

  @Test
  void mergedPartsAnswerAsOneIndexOfAllTheirTexts() {
    List<ProtectedText> texts = List.of(
        new ProtectedText("a1", "evalA", EVAL),
        new ProtectedText("b1", "evalB", OTHER),
        new ProtectedText("b2", "evalB", "too short to protect"),
        new ProtectedText("c1", "evalC", "Prefix words here. " + EVAL),
        new ProtectedText("a2", "evalA", OTHER + " and a tail"));
    NgramIndex whole = NgramIndex.build(texts, 13);
    NgramIndex merged = NgramIndex.merge(13, List.of(
        NgramIndex.build(texts.subList(0, 2), 13),
        NgramIndex.build(List.of(), 13),
        NgramIndex.build(texts.subList(2, 5), 13)).iterator());
    assertEquals(whole.shingles(), merged.shingles());
    assertEquals(whole.textsBySource(), merged.textsBySource());
    assertEquals(whole.shortTextsBySource(), merged.shortTextsBySource());
    for (String probe : List.of(EVAL, OTHER, "Intro. " + EVAL + " " + OTHER, "nothing")) {
      assertEquals(whole.overlap(probe), merged.overlap(probe), probe);
    }
    assertThrows(IllegalArgumentException.class,
        () -> NgramIndex.merge(12, List.of(whole).iterator()));
  }

  @Test
  void twelveSharedWordsAreNotEnough() {
    Overlap o = index().overlap("the quick brown fox jumps over the lazy dog while the farmer eats");
    assertEquals(0, o.matched(), o.toString());
    assertEquals("", o.topSource());
  }

  @Test
  void countsShortProtectedTextsAndSurvivesSerialisation() throws Exception {
    NgramIndex idx = index();
    assertEquals(Map.of("evalA", 1, "evalB", 2), idx.textsBySource());
    assertEquals(Map.of("evalB", 1), idx.shortTextsBySource());
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(idx);
    }
    NgramIndex copy;
    try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      copy = (NgramIndex) in.readObject();
    }
    assertEquals(idx.overlap(EVAL).matched(), copy.overlap(EVAL).matched());
    assertTrue(copy.overlap(EVAL).matched() > 0);
    String unrelated = "nothing in common with either text at all, not a single thirteen word "
        + "span of it anywhere";
    assertEquals(0, copy.overlap(unrelated).matched());
    assertTrue(copy.overlap(unrelated).shingles() > 0);
  }

  @Test
  void emptyIndexMatchesNothing() {
    NgramIndex empty = NgramIndex.build(List.of(), 13);
    assertEquals(0, empty.overlap(EVAL).matched());
  }
}
