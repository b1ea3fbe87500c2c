package org.winnow.jobs.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.winnow.filter.classify.BinaryEvaluation;
import org.winnow.filter.classify.TrainingSettings;
import org.winnow.jobs.filter.QualityTraining;
import org.winnow.jobs.filter.QualityTrainingSpec;
import org.winnow.jobs.spark.SessionLease;
import org.winnow.jobs.spark.SparkSessions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code winnow train-quality}: the hashed n-gram quality classifier from labelled text. */
@Command(
    name = "train-quality",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    sortOptions = false,
    header = "Train the quality classifier (hashed word unigrams and bigrams, logistic SGD).",
    description = {
      "DCLM-style: reference high-quality text as positives, random web text as negatives. "
          + "Reads a labelled Parquet dataset, holds out a stable share of it for evaluation, "
          + "and writes the model file that winnow filter --quality-model reads. Prints "
          + "held-out accuracy, AUROC and the score of the top 10%."
    })
final class TrainQualityCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = {"-i", "--input"}, required = true, split = ",", paramLabel = "PATH",
      description = "Labelled Parquet datasets.")
  List<String> inputs = new ArrayList<>();

  @Option(names = {"-o", "--output"}, required = true, paramLabel = "FILE",
      description = "The model file to write.")
  String output;

  @Option(names = "--text-column", defaultValue = "text", paramLabel = "NAME",
      description = "Column holding the text (default: ${DEFAULT-VALUE}).")
  String textColumn;

  @Option(names = "--label-column", defaultValue = "label", paramLabel = "NAME",
      description = "Column holding the label: boolean, integer (1 = positive) or string "
          + "(default: ${DEFAULT-VALUE}).")
  String labelColumn;

  @Option(names = "--positive", paramLabel = "VALUE",
      description = "For a string label: the value of positive examples.")
  String positive;

  @Option(names = "--eval-fraction", defaultValue = "0.1", paramLabel = "F",
      description = "Share held out for evaluation (default: ${DEFAULT-VALUE}).")
  double evalFraction;

  @Option(names = "--bits", defaultValue = "20", paramLabel = "N",
      description = "Feature hash bits (default: ${DEFAULT-VALUE}).")
  int bits;

  @Option(names = "--epochs", defaultValue = "5", paramLabel = "N",
      description = "Passes over the data (default: ${DEFAULT-VALUE}).")
  int epochs;

  @Option(names = "--learning-rate", defaultValue = "0.5", paramLabel = "LR",
      description = "Initial step, decaying linearly to zero (default: ${DEFAULT-VALUE}).")
  double learningRate;

  @Option(names = "--seed", defaultValue = "42", paramLabel = "N",
      description = "Seed of the example order (default: ${DEFAULT-VALUE}).")
  long seed;

  @Mixin SparkOptions sparkOptions;

  @Override
  public Integer call() {
    TrainingSettings settings;
    QualityTrainingSpec job;
    try {
      settings = new TrainingSettings(bits, epochs, learningRate, seed);
      job = new QualityTrainingSpec(inputs, textColumn, labelColumn, Optional.ofNullable(positive),
          evalFraction, settings, output);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage());
    }
    long start = System.nanoTime();
    try (SessionLease lease =
        SparkSessions.open("winnow train-quality", sparkOptions.master(), Map.of())) {
      QualityTraining.Result r = QualityTraining.run(lease.session(), job);
      PrintWriter out = spec.commandLine().getOut();
      out.printf(Locale.ROOT, "train-quality: %,d examples, model written to %s in %.1f s%n",
          r.examples(), output, (System.nanoTime() - start) / 1e9);
      if (r.evaluation().isPresent()) {
        BinaryEvaluation e = r.evaluation().get();
        out.printf(Locale.ROOT, "held out: %,d positive, %,d negative; accuracy %.3f, "
            + "AUROC %.3f; top-10%% score threshold %.4f%n", e.positives(), e.negatives(),
            e.accuracy(), e.auroc(), r.top10());
      } else {
        out.println("held out: no evaluation (the held-out share lacks one of the classes)");
      }
      out.flush();
    }
    return 0;
  }
}
