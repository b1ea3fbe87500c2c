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

/** {@code winnow signals}: the quality signal columns only, for analysis. */
@Command(
    name = "signals",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    sortOptions = false,
    header = "Add the quality signal columns to the document dataset, removing nothing (Spark job).",
    description = {
      "Writes every document with its signal columns (see filter/README.md), as the rules "
          + "would see them: after the rule file's line cleaning, which is measured but not "
          + "applied to the text. Use it to choose thresholds before filtering."
    })
final class SignalsCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin FilterOptions options;

  @Mixin SparkOptions sparkOptions;

  @Override
  public Integer call() {
    FilterSpec job = options.spec(spec, FilterSpec.Mode.SIGNALS);
    try (SessionLease lease =
        SparkSessions.open("winnow signals", sparkOptions.master(), Map.of())) {
      FilterReport report = new FilterJob(lease.session(), spec.commandLine().getErr()).run(job);
      spec.commandLine().getOut().print(FilterSummary.render(report, job.stage()));
      spec.commandLine().getOut().flush();
    }
    return 0;
  }
}
