package org.winnow.jobs.filter;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.Serial;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.winnow.filter.FilterConfig;
import org.winnow.filter.FilterPipeline;
import org.winnow.filter.classify.QualityClassifier;

/**
 * What an executor needs to build its {@link FilterPipeline}: the rule file's text, the
 * corpus-wide percentile cut-offs the driver computed, and the quality model's bytes. The
 * parsed objects are not serializable; parsing them again per partition costs well under a
 * millisecond (the model once per partition too, a few MB at most).
 */
final class FilterSettings implements Serializable {
  @Serial private static final long serialVersionUID = 1L;

  private final String yaml;
  private final String source;
  private final HashMap<String, HashMap<String, Double>> cutoffs;
  private final byte[] model;
  private final String modelName;

  FilterSettings(String yaml, String source, Map<String, Map<String, Double>> cutoffs,
      Optional<byte[]> model, String modelName) {
    this.yaml = yaml;
    this.source = source;
    this.cutoffs = new HashMap<>();
    cutoffs.forEach((rule, byLang) -> this.cutoffs.put(rule, new HashMap<>(byLang)));
    this.model = model.orElse(null);
    this.modelName = modelName;
  }

  /** The settings with the percentile cut-offs resolved. */
  FilterSettings withCutoffs(Map<String, Map<String, Double>> resolved) {
    return new FilterSettings(yaml, source, resolved, Optional.ofNullable(model), modelName);
  }

  /** The rule file with the cut-offs applied when there are any. */
  FilterConfig config() {
    FilterConfig config = FilterConfig.parse(yaml, source);
    return cutoffs.isEmpty() ? config : config.withPercentiles(Map.copyOf(cutoffs));
  }

  /** The rule file as written, percentile rules unresolved. */
  FilterConfig unresolvedConfig() {
    return FilterConfig.parse(yaml, source);
  }

  Optional<QualityClassifier> model() {
    if (model == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(QualityClassifier.read(new ByteArrayInputStream(model), modelName));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the quality model " + modelName, e);
    }
  }

  FilterPipeline pipeline() {
    return new FilterPipeline(config(), model());
  }

  FilterPipeline unresolvedPipeline() {
    return new FilterPipeline(unresolvedConfig(), model());
  }

  String source() {
    return source;
  }

  Map<String, Map<String, Double>> cutoffs() {
    Map<String, Map<String, Double>> copy = new HashMap<>();
    cutoffs.forEach((rule, byLang) -> copy.put(rule, Map.copyOf(byLang)));
    return copy;
  }
}
