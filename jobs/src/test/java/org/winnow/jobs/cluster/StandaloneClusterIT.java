package org.winnow.jobs.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.winnow.core.ledger.DroppedSchema;
import org.winnow.core.ledger.Ledger;
import org.winnow.core.output.AtomicOutput;
import org.winnow.jobs.io.ParquetParts;
import org.winnow.jobs.spark.CommonPool;
import org.winnow.jobs.testing.SparkStandaloneCluster;
import org.winnow.jobs.testing.TestWarcs;

/**
 * The shaded jar's ingest job submitted with {@code spark-submit} to a real standalone cluster
 * (a Master and a Worker in their own JVMs on 127.0.0.1), its tasks run by the Worker's
 * executors. Needs the jar built at {@code package}; failsafe passes its location.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class StandaloneClusterIT {
  private static final Duration START_TIMEOUT = Duration.ofSeconds(90);
  private static final long SUBMIT_TIMEOUT_S = 180;

  @TempDir static Path tmp;
  private static SparkStandaloneCluster cluster;
  private static Path jar;

  @BeforeAll
  static void startCluster() throws Exception {
    String jarProp = System.getProperty("winnow.clusterJar");
    String cpProp = System.getProperty("winnow.sparkClasspath");
    Assumptions.assumeTrue(jarProp != null && cpProp != null,
        "winnow.clusterJar / winnow.sparkClasspath not set: run through 'mvn verify' (failsafe)");
    jar = Path.of(jarProp);
    Path cpFile = Path.of(cpProp);
    assertTrue(Files.isRegularFile(jar), "shaded jar missing: " + jar);
    assertTrue(Files.isRegularFile(cpFile), "Spark classpath file missing: " + cpFile);
    String classpath = Files.readString(cpFile, StandardCharsets.UTF_8).strip();
    cluster = SparkStandaloneCluster.start(tmp.resolve("cluster"), classpath, 2, "1g", START_TIMEOUT);
  }

  @AfterAll
  static void stopCluster() {
    if (cluster != null) {
      cluster.close();
    }
  }

  @Test
  void submittedIngestRunsOnTheWorkersAndCommitsABalancedOutput() throws Exception {
    TestWarcs.Fixture fixture = TestWarcs.write(tmp.resolve("warc"), 2, 3, true);
    Path out = tmp.resolve("out");
    // Executors need Spark's module flags, and a common fork-join pool as large as their task
    // slots for Lingua (see CommonPool); the Worker offers 2 cores.
    String executorOpts = String.join(" ", SparkStandaloneCluster.moduleOptions())
        + " -D" + CommonPool.PARALLELISM + "=2";
    List<String> args = new ArrayList<>(List.of("-Xmx1g", "org.apache.spark.deploy.SparkSubmit",
        "--master", cluster.masterUrl(),
        "--deploy-mode", "client",
        "--conf", "spark.executor.extraJavaOptions=" + executorOpts,
        "--conf", "spark.driver.host=127.0.0.1",
        "--conf", "spark.driver.bindAddress=127.0.0.1",
        "--conf", "spark.executor.memory=1g",
        "--conf", "spark.cores.max=2",
        "--conf", "spark.ui.enabled=false",
        "--class", "org.winnow.jobs.cli.WinnowCli",
        jar.toString(),
        "ingest", "--input", tmp.resolve("warc").toString(), "--output", out.toString(),
        "--source", "cluster-it"));
    Process submit = cluster.launch("submit", args);
    boolean done = submit.waitFor(SUBMIT_TIMEOUT_S, TimeUnit.SECONDS);
    if (!done) {
      submit.destroyForcibly();
    }
    assertTrue(done, "spark-submit did not finish within " + SUBMIT_TIMEOUT_S + " s" + cluster.logTails());
    assertEquals(0, submit.exitValue(), "spark-submit failed" + cluster.logTails());

    String log = Files.readString(cluster.log("submit"), StandardCharsets.UTF_8);
    assertTrue(log.contains("docs/s per core"), "the summary table is printed\n" + log);

    Ledger ledger = Ledger.fromJson(Files.readString(out.resolve(Ledger.FILE_NAME)));
    assertTrue(ledger.balanced(), ledger::toJson);
    assertEquals(fixture.expectedIn(), ledger.in(), ledger::toJson);
    assertEquals(fixture.pages(), ledger.kept(), ledger::toJson);
    assertTrue(Files.exists(out.resolve(AtomicOutput.SUCCESS)));
    Configuration conf = new Configuration();
    assertEquals(ledger.kept(), ParquetParts.in(conf, out.toString()).rows());
    assertEquals(ledger.rejectedTotal(),
        ParquetParts.in(conf, out.resolve(DroppedSchema.REJECTED_DIR).toString()).rows());
    assertTrue(Files.readString(out.resolve(Ledger.FILE_NAME)).contains(cluster.masterUrl()),
        "the ledger names the cluster it ran on");

    try (Stream<Path> executors = Files.walk(cluster.workerWorkDir())) {
      assertTrue(executors.anyMatch(p -> p.getFileName().toString().equals("stderr")),
          "an executor ran under the Worker" + cluster.logTails());
    }
  }
}
