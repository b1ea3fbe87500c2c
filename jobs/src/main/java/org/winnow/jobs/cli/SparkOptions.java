package org.winnow.jobs.cli;

import java.util.Optional;
import picocli.CommandLine.Option;

/** The options every Spark command shares. */
final class SparkOptions {
  @Option(
      names = "--master",
      paramLabel = "URL",
      description = "Spark master, e.g. spark://host:7077 or local[4] (default: what spark-submit "
          + "set, else local[*]).")
  String master;

  Optional<String> master() {
    return Optional.ofNullable(master);
  }
}
