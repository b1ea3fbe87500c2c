package org.winnow.filter.classify;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.winnow.filter.signals.TextProfile;
import org.winnow.filter.signals.TextProfiler;

class QualityClassifierTest {
  private static final String[] GOOD = ("the committee has examined the proposal carefully and "
      + "believes that the regulation should protect consumers while supporting small firms "
      + "across the member states in a fair and transparent manner").split(" ");
  private static final String[] BAD = ("click here buy now cheap free best price login "
      + "register cart home menu cookies accept subscribe download casino bonus win").split(" ");

  /** Texts drawn mostly from one vocabulary, partly from the other: separable, not trivially. */
  static List<LabeledText> synthetic(int n, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    List<LabeledText> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      boolean positive = r.nextBoolean();
      StringBuilder sb = new StringBuilder();
      int words = 5 + r.nextInt(40);
      for (int w = 0; w < words; w++) {
        boolean own = r.nextInt(100) < 75;
        String[] vocab = positive == own ? GOOD : BAD;
        sb.append(vocab[r.nextInt(vocab.length)]).append(' ');
      }
      out.add(new LabeledText(sb.toString(), positive));
    }
    return out;
  }

  private static byte[] bytes(QualityClassifier c) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    c.write(out);
    return out.toByteArray();
  }

  private static final TrainingSettings SMALL = new TrainingSettings(16, 5, 0.5, 42);

  @Test
  void learnsAndGeneralises() {
    QualityClassifier c = new ClassifierTrainer(SMALL).train(synthetic(2000, 1).iterator());
    List<LabeledText> test = synthetic(500, 2);
    WordHasher hasher = new WordHasher();
    double[] scores = new double[test.size()];
    boolean[] labels = new boolean[test.size()];
    for (int i = 0; i < test.size(); i++) {
      scores[i] = c.score(test.get(i).text(), hasher);
      labels[i] = test.get(i).positive();
    }
    BinaryEvaluation e = BinaryEvaluation.of(scores, labels);
    assertTrue(e.auroc() > 0.97, "AUROC " + e.auroc());
    assertTrue(e.accuracy() > 0.9, "accuracy " + e.accuracy());
  }

  @Test
  void trainingIsDeterministic() throws IOException {
    byte[] a = bytes(new ClassifierTrainer(SMALL).train(synthetic(300, 3).iterator()));
    byte[] b = bytes(new ClassifierTrainer(SMALL).train(synthetic(300, 3).iterator()));
    assertArrayEquals(a, b);
    byte[] c = bytes(new ClassifierTrainer(new TrainingSettings(16, 5, 0.5, 43))
        .train(synthetic(300, 3).iterator()));
    assertFalse(Arrays.equals(a, c), "another seed, another example order");
  }

  @Test
  void theModelFileRoundTrips() throws IOException {
    QualityClassifier c = new ClassifierTrainer(SMALL).train(synthetic(300, 4).iterator());
    byte[] file = bytes(c);
    assertEquals(24 + c.metadata().getBytes(java.nio.charset.StandardCharsets.UTF_8).length
        + 4 * (1 << 16) + 8, file.length, "the documented layout");
    QualityClassifier back = QualityClassifier.read(new ByteArrayInputStream(file), "m.bin");
    assertEquals(c, back);
    assertTrue(back.metadata().contains("\"seed\":42"), back.metadata());
    WordHasher h = new WordHasher();
    assertEquals(c.score("the committee has examined", h), back.score("the committee has examined", h));
  }

  @Test
  @Timeout(60)
  void damagedFilesAreRejectedWithTheirOffset() throws IOException {
    byte[] file = bytes(new ClassifierTrainer(new TrainingSettings(8, 1, 0.5, 1))
        .train(synthetic(50, 5).iterator()));
    // Cut at every byte: each prefix is reported as truncated or damaged, never accepted.
    for (int cut = 0; cut < file.length; cut++) {
      byte[] prefix = Arrays.copyOf(file, cut);
      ModelFormatException e = assertThrows(ModelFormatException.class,
          () -> QualityClassifier.read(new ByteArrayInputStream(prefix), "m.bin"));
      assertTrue(e.getMessage().startsWith("m.bin: "), e.getMessage());
    }
    byte[] flipped = file.clone();
    flipped[file.length / 2] ^= 1;
    assertTrue(assertThrows(ModelFormatException.class,
        () -> QualityClassifier.read(new ByteArrayInputStream(flipped), "m.bin"))
        .getMessage().contains("checksum mismatch"));
    byte[] longer = Arrays.copyOf(file, file.length + 1);
    assertTrue(assertThrows(ModelFormatException.class,
        () -> QualityClassifier.read(new ByteArrayInputStream(longer), "m.bin"))
        .getMessage().contains("after the checksum"));
    byte[] wrongMagic = file.clone();
    wrongMagic[0] = 'X';
    assertTrue(assertThrows(ModelFormatException.class,
        () -> QualityClassifier.read(new ByteArrayInputStream(wrongMagic), "m.bin"))
        .getMessage().contains("byte 0: not a quality model"));
  }

  @Test
  void profileHashesAreTheClassifierWords() {
    // The pipeline scores from its TextProfile; the classifier alone from WordHasher.
    TextProfiler profiler = new TextProfiler();
    WordHasher hasher = new WordHasher();
    for (String text : List.of("Hello WORLD, Straße ΣΊΣΥΦΟΣ 今天 😀 x\uD83D", "", "a\uD83D",
        "ǅemal İstanbul ǈ")) {
      TextProfile p = profiler.profile(text, "und");
      hasher.hash(text);
      assertEquals(hasher.count(), p.wordCount(), text);
      assertArrayEquals(Arrays.copyOf(hasher.hashes(), hasher.count()),
          Arrays.copyOf(p.wordFoldHashes(), p.wordCount()), text);
    }
  }

  @Test
  void oneClassIsRefused() {
    assertThrows(IllegalArgumentException.class, () -> new ClassifierTrainer(SMALL)
        .train(List.of(new LabeledText("a", true)).iterator()));
  }
}
