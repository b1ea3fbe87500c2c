package org.winnow.jobs.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.winnow.filter.FilterConfig;
import org.winnow.filter.config.FilterConfigException;
import org.winnow.jobs.filter.FilterSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/** The options {@code winnow filter} and {@code winnow signals} share. */
final class FilterOptions {
  @Option(names = {"-i", "--input"}, required = true, split = ",", paramLabel = "PATH",
      description = "Document datasets (Parquet directories written by ingest or a later stage); "
          + "comma separated or repeated.")
  List<String> inputs = new ArrayList<>();

  @Option(names = {"-o", "--output"}, required = true, paramLabel = "DIR",
      description = "Output directory: the kept documents, one Parquet file per input split "
          + "(input files are cut at 64 MB at most, so the output's file sizes follow the "
          + "input's), with _removed/, _rejected/ and _ledger.json beside them.")
  String output;

  @Option(names = "--rules", paramLabel = "YAML",
      description = "Rule file (default: the built-in rules, the published thresholds; "
          + "see filter/README.md).")
  Path rules;

  @Option(names = "--quality-model", paramLabel = "FILE",
      description = "Quality classifier from winnow train-quality; sets quality_score, which "
          + "rules may then keep a percentile of.")
  String qualityModel;

  @Option(names = "--force", description = "Redo a finished output, or replace what is there.")
  boolean force;

  /** Validates the options before Spark starts, so usage errors come fast and exit with 2. */
  FilterSpec spec(CommandSpec command, FilterSpec.Mode mode) {
    List<String> paths = inputs.stream().map(String::strip).filter(s -> !s.isEmpty()).toList();
    if (paths.isEmpty()) {
      throw new ParameterException(command.commandLine(), "--input names no path");
    }
    if (rules != null && !Files.isRegularFile(rules)) {
      throw new ParameterException(command.commandLine(), "--rules: no file " + rules);
    }
    String yaml;
    String source;
    FilterConfig config;
    try {
      if (rules == null) {
        config = FilterConfig.defaults();
        yaml = config.yaml();
        source = config.source();
      } else {
        yaml = Files.readString(rules, StandardCharsets.UTF_8);
        source = rules.toString();
        config = FilterConfig.parse(yaml, source);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the rule file " + rules, e);
    } catch (FilterConfigException e) {
      throw new ParameterException(command.commandLine(), e.getMessage());
    }
    if (qualityModel == null && config.rules().reads("quality_score")) {
      throw new ParameterException(command.commandLine(), source
          + " has a rule on quality_score: give the model with --quality-model");
    }
    return new FilterSpec(paths, output, yaml, source, Optional.ofNullable(qualityModel), mode,
        force);
  }
}
