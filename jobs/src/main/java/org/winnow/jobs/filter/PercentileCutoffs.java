package org.winnow.jobs.filter;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.percentile_approx;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Spliterators;
import java.util.stream.StreamSupport;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.winnow.core.Document;
import org.winnow.core.schema.DocumentSchema;
import org.winnow.filter.FilterPipeline;
import org.winnow.filter.rules.PercentileRule;
import org.winnow.filter.signals.SignalValues;
import org.winnow.filter.signals.StopWords;

/**
 * The corpus-wide cut-offs of the percentile rules ("keep the top 10% of quality_score per
 * language"), from Spark's approximate percentiles: one pass computes every percentile rule's
 * input per document, then one aggregation per grouping. Only one small row per rule and
 * language reaches the driver.
 */
final class PercentileCutoffs {
  /** Relative accuracy of {@code percentile_approx}: 1/10,000 of the value range. */
  static final int ACCURACY = 10_000;

  private static final StructType VALUES = DataTypes.createStructType(List.of(
      DataTypes.createStructField("rule", DataTypes.StringType, false),
      DataTypes.createStructField("lang", DataTypes.StringType, false),
      DataTypes.createStructField("value", DataTypes.DoubleType, false)));

  private PercentileCutoffs() {}

  /**
   * Cut-offs per percentile rule: by language code (as the pipeline normalises it) and under
   * {@link PercentileRule#ALL_LANGUAGES} corpus-wide. Empty when the rules have none.
   */
  static Map<String, Map<String, Double>> compute(SparkSession spark, Dataset<Row> input,
      FilterRowLayout layout, FilterSettings settings) {
    List<PercentileRule> rules = settings.unresolvedConfig().rules().percentileRules();
    Map<String, Map<String, Double>> cutoffs = new HashMap<>();
    if (rules.isEmpty()) {
      return cutoffs;
    }
    JavaRDD<Row> values = input.javaRDD().mapPartitions(new RuleInputs(settings, layout));
    Dataset<Row> v = spark.createDataFrame(values, VALUES).cache();
    try {
      for (PercentileRule rule : rules) {
        Dataset<Row> mine = v.where(col("rule").equalTo(rule.name()));
        Map<String, Double> byLang = new HashMap<>();
        for (Row r : mine.groupBy(col("lang"))
            .agg(percentile_approx(col("value"), lit(rule.quantile()), lit(ACCURACY)))
            .collectAsList()) {
          byLang.put(r.getString(0), r.getDouble(1));
        }
        Row all = mine.agg(percentile_approx(col("value"), lit(rule.quantile()), lit(ACCURACY)))
            .first();
        if (!all.isNullAt(0)) {
          byLang.put(PercentileRule.ALL_LANGUAGES, all.getDouble(0));
        }
        cutoffs.put(rule.name(), byLang);
      }
    } finally {
      v.unpersist(false);
    }
    return cutoffs;
  }

  /** Each document's value of every percentile rule's input; nulls and invalid rows left out. */
  private static final class RuleInputs implements FlatMapFunction<Iterator<Row>, Row> {
    private static final long serialVersionUID = 1L;

    private final FilterSettings settings;
    private final FilterRowLayout layout;

    RuleInputs(FilterSettings settings, FilterRowLayout layout) {
      this.settings = settings;
      this.layout = layout;
    }

    @Override
    public Iterator<Row> call(Iterator<Row> rows) {
      FilterPipeline pipeline = settings.unresolvedPipeline();
      List<PercentileRule> rules = pipeline.config().rules().percentileRules();
      // Lazily, one document at a time: a partition never sits in memory.
      return StreamSupport.stream(Spliterators.spliteratorUnknownSize(rows, 0), false)
          .flatMap(row -> values(pipeline, rules, row).stream())
          .iterator();
    }

    private List<Row> values(FilterPipeline pipeline, List<PercentileRule> rules, Row row) {
      Document d;
      try {
        d = DocumentSchema.fromValues(layout.coreValues(layout.baseValues(row)));
      } catch (RuntimeException e) {
        return List.of(); // the filter pass rejects it as malformed
      }
      SignalValues signals = pipeline.signals(d);
      String lang = StopWords.normalize(d.lang());
      List<Row> out = new ArrayList<>(rules.size());
      for (PercentileRule rule : rules) {
        double value = rule.input().read(signals, d);
        if (!Double.isNaN(value)) {
          out.add(RowFactory.create(rule.name(), lang, value));
        }
      }
      return out;
    }
  }
}
