package org.winnow.filter.classify;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Trains a {@link QualityClassifier} by stochastic gradient descent on the logistic loss, one
 * example at a time in a seeded random order, with fastText's linearly decaying step. The
 * examples are read once and kept as bucket ids (4 bytes per feature, about two per word), so
 * the iterator may stream from disk. Single-threaded, hence deterministic: the same examples,
 * settings and seed give a byte-identical model.
 */
public final class ClassifierTrainer {
  private final TrainingSettings settings;

  public ClassifierTrainer(TrainingSettings settings) {
    this.settings = settings;
  }

  public QualityClassifier train(Iterator<LabeledText> examples) {
    int bits = settings.bits();
    WordHasher hasher = new WordHasher();
    List<int[]> features = new ArrayList<>();
    List<Boolean> labels = new ArrayList<>();
    int positives = 0;
    while (examples.hasNext()) {
      LabeledText ex = examples.next();
      hasher.hash(ex.text());
      int[] f = new int[HashedNgramFeatures.count(hasher.count())];
      int[] k = {0};
      HashedNgramFeatures.forEach(hasher.hashes(), hasher.count(), bits, b -> f[k[0]++] = b);
      features.add(f);
      labels.add(ex.positive());
      positives += ex.positive() ? 1 : 0;
    }
    int n = features.size();
    if (positives == 0 || positives == n) {
      throw new IllegalArgumentException("training needs both classes; got " + positives
          + " positive and " + (n - positives) + " negative examples");
    }
    float[] w = new float[1 << bits];
    double bias = 0;
    int[] order = new int[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    SplittableRandom random = new SplittableRandom(settings.seed());
    long total = (long) settings.epochs() * n;
    long step = 0;
    for (int epoch = 0; epoch < settings.epochs(); epoch++) {
      shuffle(order, random);
      for (int idx : order) {
        double lr = settings.learningRate() * (1 - (double) step / total);
        step++;
        int[] f = features.get(idx);
        double z = bias;
        if (f.length > 0) {
          double sum = 0;
          for (int b : f) {
            sum += w[b];
          }
          z += sum / f.length;
        }
        double g = QualityClassifier.sigmoid(z) - (labels.get(idx) ? 1 : 0);
        bias -= lr * g;
        if (f.length > 0) {
          float delta = (float) (lr * g / f.length);
          for (int b : f) {
            w[b] -= delta;
          }
        }
      }
    }
    String metadata = String.format(Locale.ROOT,
        "{\"model\":\"hashed_ngram_logistic\",\"features\":\"uax29_lowercase_unigram_bigram\","
            + "\"bits\":%d,\"epochs\":%d,\"learning_rate\":%s,\"seed\":%d,\"examples\":%d,"
            + "\"positives\":%d}",
        bits, settings.epochs(), Double.toString(settings.learningRate()), settings.seed(), n,
        positives);
    return new QualityClassifier(bits, bias, w, metadata);
  }

  /** Fisher-Yates with the given generator. */
  private static void shuffle(int[] a, SplittableRandom random) {
    for (int i = a.length - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int t = a[i];
      a[i] = a[j];
      a[j] = t;
    }
  }
}
