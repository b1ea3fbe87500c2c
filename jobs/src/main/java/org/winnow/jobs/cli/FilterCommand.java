package org.winnow.jobs.cli;

import java.util.Map;
import java.util.concurrent.Callable;
import org.winnow.jobs.filter.FilterJob;
import org.winnow.jobs.filter.FilterReport;
import org.winnow.jobs.filter.FilterSpec;
import org.winnow.jobs.filter.FilterSummary;
import org.winnow.jobs.spark.SessionLease;
import org.winnow.jobs.spark.SparkSessions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code winnow filter}: quality signals, rules, line cleaning and PII redaction, as a Spark job. */
@Command(
    name = "filter",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    sortOptions = false,
    header = "Filter the document dataset by quality rules (Spark job).",
    description = {
      "Computes every quality signal of each document (Gopher, C4, FineWeb, RedPajama families), "
          + "applies the rule file in order (the first failing rule is the removal reason), "
          + "cleans lines and redacts PII in what is kept. The kept documents are written with "
          + "their signal columns added; _removed/, _rejected/ and _ledger.json go beside them. "
          + "Percentile rules (e.g. the top 10% of quality_score per language) get their "
          + "cut-offs from Spark's approximate percentiles in a first pass.",
      "The summary shows, per rule, how many documents it removed and how many it would "
          + "remove alone."
    })
final class FilterCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin FilterOptions options;

  @Mixin SparkOptions sparkOptions;

  @Override
  public Integer call() {
    FilterSpec job = options.spec(spec, FilterSpec.Mode.FILTER);
    try (SessionLease lease = SparkSessions.open("winnow filter", sparkOptions.master(), Map.of())) {
      FilterReport report = new FilterJob(lease.session(), spec.commandLine().getErr()).run(job);
      spec.commandLine().getOut().print(FilterSummary.render(report, job.stage()));
      spec.commandLine().getOut().flush();
    }
    return 0;
  }
}
