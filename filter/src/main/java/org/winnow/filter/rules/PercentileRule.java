package org.winnow.filter.rules;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Keeps documents whose input is at or above (or at or below) a corpus-wide percentile of it,
 * e.g. the top 10% of {@code quality_score} per language. A single document cannot know a
 * percentile of the corpus: the job computes the cut-offs first (Spark's approximate quantiles)
 * and hands them to {@link #resolve}; an unresolved rule refuses to judge.
 */
public final class PercentileRule implements Rule {
  /** How the rule file names this kind of rule. */
  public static final String KIND = "percentile";

  /** The threshold key that applies to every language without its own cut-off. */
  public static final String ALL_LANGUAGES = "*";

  /** Which side of the cut-off is kept. */
  public enum Keep {
    /** Keep values at or above the percentile ({@code min_percentile}). */
    AT_OR_ABOVE,
    /** Keep values at or below the percentile ({@code max_percentile}). */
    AT_OR_BELOW
  }

  private final String name;
  private final RuleInput input;
  private final double percentile;
  private final Keep keep;
  private final boolean perLanguage;
  private final Optional<Map<String, Double>> cutoffs;

  public PercentileRule(String name, RuleInput input, double percentile, Keep keep,
      boolean perLanguage, Optional<Map<String, Double>> cutoffs) {
    this.name = RuleNames.check(name);
    this.input = Objects.requireNonNull(input, "input");
    if (!(percentile > 0 && percentile < 100)) {
      throw new IllegalArgumentException(
          "rule " + name + ": percentile must be in (0, 100), got " + percentile);
    }
    this.percentile = percentile;
    this.keep = Objects.requireNonNull(keep, "keep");
    this.perLanguage = perLanguage;
    this.cutoffs = cutoffs.map(Map::copyOf);
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public RuleInput input() {
    return input;
  }

  /** The percentile, in (0, 100). */
  public double percentile() {
    return percentile;
  }

  /** The percentile as a fraction in (0, 1), as Spark's {@code approxQuantile} takes it. */
  public double quantile() {
    return percentile / 100;
  }

  public Keep keep() {
    return keep;
  }

  /** Whether cut-offs are computed per language ({@code lang}) or over the whole corpus. */
  public boolean perLanguage() {
    return perLanguage;
  }

  public boolean resolved() {
    return cutoffs.isPresent();
  }

  /**
   * This rule with its cut-offs: the input's value at {@link #quantile()} per language code,
   * plus {@link #ALL_LANGUAGES} for languages without their own (required when not per language).
   */
  public PercentileRule resolve(Map<String, Double> cutoffsByLang) {
    if (!perLanguage && !cutoffsByLang.containsKey(ALL_LANGUAGES)) {
      throw new IllegalArgumentException(
          "rule " + name + " is corpus-wide: its cut-off goes under key '" + ALL_LANGUAGES + "'");
    }
    return new PercentileRule(name, input, percentile, keep, perLanguage,
        Optional.of(cutoffsByLang));
  }

  /** The cut-off that applies to {@code lang}, if one is known. */
  public Optional<Double> cutoffFor(String lang) {
    Map<String, Double> c = cutoffs.orElseThrow(() -> new IllegalStateException(
        "rule " + name + " needs corpus-wide percentiles of " + input.name()
            + "; resolve it with FilterConfig.withPercentiles before filtering"));
    Double v = perLanguage ? c.get(lang) : null;
    return Optional.ofNullable(v != null ? v : c.get(ALL_LANGUAGES));
  }

  @Override
  public boolean keeps(double value, String lang, String script) {
    Optional<Double> cut = cutoffFor(lang);
    if (cut.isEmpty() || Double.isNaN(value)) {
      return true;
    }
    return keep == Keep.AT_OR_ABOVE ? value >= cut.get() : value <= cut.get();
  }

  @Override
  public String explain(double value, String lang, String script) {
    double cut = cutoffFor(lang).orElse(Double.NaN);
    return input.name() + " " + Bounds.format(value)
        + (keep == Keep.AT_OR_ABOVE ? " < " : " > ") + Bounds.format(cut) + " (percentile "
        + Bounds.format(percentile) + (perLanguage ? " of " + lang : "") + ")";
  }

  @Override
  public String toString() {
    return name + ": " + input.name() + " " + keep + " p" + percentile;
  }
}
