package org.winnow.jobs.testing;

import java.util.Map;
import java.util.Optional;
import org.winnow.jobs.spark.SessionLease;
import org.winnow.jobs.spark.SparkSessions;

/** The in-process SparkSession a test class shares: two local cores, no web UI. */
public final class TestSpark {
  private TestSpark() {}

  public static SessionLease start() {
    return SparkSessions.open("winnow-test", Optional.of("local[2]"), Map.of(
        "spark.ui.enabled", "false",
        "spark.sql.shuffle.partitions", "4",
        "spark.driver.host", "127.0.0.1",
        "spark.driver.bindAddress", "127.0.0.1"));
  }
}
