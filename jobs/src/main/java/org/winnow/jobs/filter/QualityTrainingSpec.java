package org.winnow.jobs.filter;

import java.util.List;
import java.util.Optional;
import org.winnow.filter.classify.TrainingSettings;

/**
 * One training run of the quality classifier.
 *
 * @param inputs        labelled Parquet datasets
 * @param textColumn    the column holding the text
 * @param labelColumn   the column holding the label
 * @param positiveValue for a string label, the value that marks a positive example
 * @param evalFraction  share of rows (by a stable hash of the text) held out for evaluation
 * @param settings      hashing bits, epochs, learning rate, seed
 * @param output        the model file to write
 */
public record QualityTrainingSpec(
    List<String> inputs,
    String textColumn,
    String labelColumn,
    Optional<String> positiveValue,
    double evalFraction,
    TrainingSettings settings,
    String output) {
  public QualityTrainingSpec {
    inputs = List.copyOf(inputs);
    if (!(evalFraction >= 0 && evalFraction < 1)) {
      throw new IllegalArgumentException("evalFraction must be in [0, 1), got " + evalFraction);
    }
  }
}
