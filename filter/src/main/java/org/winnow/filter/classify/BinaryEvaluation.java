package org.winnow.filter.classify;

import java.util.Arrays;

/**
 * How well scores separate two classes: accuracy at a threshold, and AUROC (the probability that
 * a random positive scores above a random negative, ties counting one half), computed by ranks
 * in O(n log n).
 *
 * @param positives how many positive examples
 * @param negatives how many negative examples
 * @param accuracy  the share classified correctly with score >= 0.5 meaning positive
 * @param auroc     the area under the ROC curve
 */
public record BinaryEvaluation(int positives, int negatives, double accuracy, double auroc) {

  /** Evaluates {@code scores[i]} against {@code labels[i]} (true = positive). */
  public static BinaryEvaluation of(double[] scores, boolean[] labels) {
    if (scores.length != labels.length) {
      throw new IllegalArgumentException(
          scores.length + " scores but " + labels.length + " labels");
    }
    int n = scores.length;
    int pos = 0;
    int correct = 0;
    for (int i = 0; i < n; i++) {
      if (Double.isNaN(scores[i])) {
        throw new IllegalArgumentException("score " + i + " is NaN");
      }
      pos += labels[i] ? 1 : 0;
      correct += (scores[i] >= 0.5) == labels[i] ? 1 : 0;
    }
    int neg = n - pos;
    if (pos == 0 || neg == 0) {
      throw new IllegalArgumentException(
          "AUROC needs both classes; got " + pos + " positive, " + neg + " negative");
    }
    Integer[] order = new Integer[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    Arrays.sort(order, (a, b) -> Double.compare(scores[a], scores[b]));
    // Mann-Whitney U: sum of the positives' ranks, tied scores sharing their mean rank.
    double rankSum = 0;
    int i = 0;
    while (i < n) {
      int j = i;
      while (j + 1 < n && scores[order[j + 1]] == scores[order[i]]) {
        j++;
      }
      double meanRank = (i + j) / 2.0 + 1;
      for (int k = i; k <= j; k++) {
        if (labels[order[k]]) {
          rankSum += meanRank;
        }
      }
      i = j + 1;
    }
    double auc = (rankSum - (double) pos * (pos + 1) / 2) / ((double) pos * neg);
    return new BinaryEvaluation(pos, neg, (double) correct / n, auc);
  }

  /**
   * The score at or above which the top {@code fraction} of {@code scores} lie (e.g. 0.1 for
   * DCLM's "keep the top 10%"): the nearest-rank quantile at {@code 1 - fraction}.
   */
  public static double thresholdForTop(double[] scores, double fraction) {
    if (!(fraction > 0 && fraction <= 1) || scores.length == 0) {
      throw new IllegalArgumentException(
          "need scores and a fraction in (0, 1], got " + scores.length + " and " + fraction);
    }
    double[] sorted = scores.clone();
    Arrays.sort(sorted);
    int keep = (int) Math.ceil(fraction * sorted.length);
    return sorted[sorted.length - keep];
  }
}
