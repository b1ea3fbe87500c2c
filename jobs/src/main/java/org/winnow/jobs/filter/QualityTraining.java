package org.winnow.jobs.filter;

import static org.apache.spark.sql.functions.col;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.winnow.core.hash.StableHash;
import org.winnow.filter.classify.BinaryEvaluation;
import org.winnow.filter.classify.ClassifierTrainer;
import org.winnow.filter.classify.LabeledText;
import org.winnow.filter.classify.QualityClassifier;
import org.winnow.filter.classify.WordHasher;

/**
 * Trains the quality classifier on a labelled Parquet dataset ({@code text} and a label column:
 * boolean, an integer where 1 is positive, or a string equal to the positive value). A stable
 * hash of each text puts it in the training or the evaluation part, so reruns split alike and
 * the reported accuracy and AUROC are on texts the model never saw. Training is single-threaded
 * SGD on the driver, streaming the rows to it partition by partition.
 */
public final class QualityTraining {
  private QualityTraining() {}

  /**
   * What a training run produced.
   *
   * @param examples   rows trained on
   * @param evaluation accuracy and AUROC on the held-out rows (absent when there were none)
   * @param top10      the score at or above which the top 10% of held-out texts lie
   */
  public record Result(long examples, Optional<BinaryEvaluation> evaluation,
      double top10) {}

  /**
   * @param spec what to read, how to label it, where the model goes
   */
  public static Result run(SparkSession spark, QualityTrainingSpec spec) {
    Dataset<Row> data = spark.read().parquet(spec.inputs().toArray(String[]::new));
    Labeler labeler = Labeler.of(data, spec);
    Dataset<Row> rows = data.select(col(spec.textColumn()), col(spec.labelColumn()))
        .where(col(spec.textColumn()).isNotNull().and(col(spec.labelColumn()).isNotNull()));

    long[] trained = {0};
    Iterator<Row> all = rows.toLocalIterator();
    Iterator<LabeledText> training = new Iterator<>() {
      private LabeledText next;

      @Override
      public boolean hasNext() {
        while (next == null && all.hasNext()) {
          Row r = all.next();
          if (!heldOut(r.getString(0), spec.evalFraction())) {
            next = new LabeledText(r.getString(0), labeler.positive(r));
          }
        }
        return next != null;
      }

      @Override
      public LabeledText next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        LabeledText t = next;
        next = null;
        trained[0]++;
        return t;
      }
    };
    QualityClassifier model = new ClassifierTrainer(spec.settings()).train(training);
    write(spark, model, spec.output());

    List<Double> scores = new ArrayList<>();
    List<Boolean> labels = new ArrayList<>();
    WordHasher hasher = new WordHasher();
    Iterator<Row> again = rows.toLocalIterator();
    while (again.hasNext()) {
      Row r = again.next();
      if (heldOut(r.getString(0), spec.evalFraction())) {
        scores.add(model.score(r.getString(0), hasher));
        labels.add(labeler.positive(r));
      }
    }
    if (scores.isEmpty() || !labels.contains(true) || !labels.contains(false)) {
      return new Result(trained[0], Optional.empty(), Double.NaN);
    }
    double[] s = scores.stream().mapToDouble(Double::doubleValue).toArray();
    boolean[] l = new boolean[labels.size()];
    for (int i = 0; i < l.length; i++) {
      l[i] = labels.get(i);
    }
    return new Result(trained[0], Optional.of(BinaryEvaluation.of(s, l)),
        BinaryEvaluation.thresholdForTop(s, 0.1));
  }

  static boolean heldOut(String text, double fraction) {
    long h = StableHash.hash64(text);
    return Long.remainderUnsigned(h, 1_000_000) < fraction * 1_000_000;
  }

  private static void write(SparkSession spark, QualityClassifier model, String output) {
    Path p = new Path(output);
    try {
      FileSystem fs = p.getFileSystem(spark.sparkContext().hadoopConfiguration());
      try (OutputStream out = fs.create(p, true)) {
        model.write(out);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the model to " + output, e);
    }
  }

  /** Reads a row's label by the label column's type. */
  private record Labeler(int kind, String positiveValue) implements java.io.Serializable {
    static Labeler of(Dataset<Row> data, QualityTrainingSpec spec) {
      List<String> names = List.of(data.schema().fieldNames());
      for (String c : List.of(spec.textColumn(), spec.labelColumn())) {
        if (!names.contains(c)) {
          throw new IllegalArgumentException("the labelled data has no column '" + c
              + "'; columns: " + names);
        }
      }
      DataType type = data.schema().apply(spec.labelColumn()).dataType();
      if (type.equals(DataTypes.BooleanType)) {
        return new Labeler(0, "");
      }
      if (type.equals(DataTypes.IntegerType) || type.equals(DataTypes.LongType)) {
        return new Labeler(1, "");
      }
      if (type.equals(DataTypes.StringType)) {
        if (spec.positiveValue().isEmpty()) {
          throw new IllegalArgumentException("label column '" + spec.labelColumn()
              + "' holds strings: say which one is positive with --positive");
        }
        return new Labeler(2, spec.positiveValue().get());
      }
      throw new IllegalArgumentException("label column '" + spec.labelColumn() + "' is "
          + type.simpleString() + "; use boolean, an integer (1 = positive) or a string");
    }

    boolean positive(Row r) {
      return switch (kind) {
        case 0 -> r.getBoolean(1);
        case 1 -> ((Number) r.get(1)).longValue() == 1;
        default -> r.getString(1).equals(positiveValue);
      };
    }
  }
}
