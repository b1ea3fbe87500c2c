package org.winnow.jobs.filter;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One run of the filter stage.
 *
 * @param inputs          document datasets (Parquet directories, globs or files)
 * @param output          the output directory
 * @param rulesYaml       the rule file's text (see {@code FilterConfig})
 * @param rulesSource     the rule file's name, for error messages and the ledger
 * @param qualityModel    a quality classifier file ({@code winnow train-quality}), required when
 *                        a rule reads {@code quality_score}
 * @param mode            filter (judge and remove) or signals (add the signal columns only)
 * @param force           redo a finished output
 *
 * <p>There is no output file size to choose: each input split (see {@code FixedSplits})
 * becomes one file of kept documents, written by the task that read it.
 */
public record FilterSpec(
    List<String> inputs,
    String output,
    String rulesYaml,
    String rulesSource,
    Optional<String> qualityModel,
    Mode mode,
    boolean force) {

  /** What the job does with each document. */
  public enum Mode {
    /** Signals, rules, cleaning and PII redaction; failing documents are removed. */
    FILTER,
    /** Signals only: every document is kept, with the signal columns added. */
    SIGNALS
  }

  public FilterSpec {
    inputs = List.copyOf(inputs);
    Objects.requireNonNull(output, "output");
    Objects.requireNonNull(rulesYaml, "rulesYaml");
    Objects.requireNonNull(rulesSource, "rulesSource");
    Objects.requireNonNull(qualityModel, "qualityModel");
    Objects.requireNonNull(mode, "mode");
    if (inputs.isEmpty()) {
      throw new IllegalArgumentException("no input");
    }
  }

  /** The stage name in the ledger: {@code filter} or {@code signals}. */
  public String stage() {
    return mode == Mode.FILTER ? "filter" : "signals";
  }
}
