package org.winnow.jobs.crawl;

import static org.apache.spark.sql.functions.col;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.TreeMap;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.SparkContext;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import org.winnow.ingest.crawl.UrlNormalizer;
import org.winnow.ingest.url.RegisteredDomain;
import org.winnow.jobs.io.HadoopOutputStore;
import org.winnow.jobs.spark.SerializableHadoopConf;

/**
 * The crawl as a Spark job: rounds over a frontier kept as Parquet. Each round selects the due
 * URLs (up to the page budget, shallowest first), hash-partitions them by host so that one task
 * owns a host, crawls them ({@link CrawlRoundTask}), merges the outcomes and new links back
 * ({@link FrontierMerge}), writes the round's crawl log, and commits the new frontier. A rerun of
 * the same command continues from the last committed round; an interrupted round is redone with
 * each task skipping what its journal holds, so nothing is lost or fetched twice.
 */
public final class CrawlJob {
  private final SparkSession spark;
  private final PrintWriter err;

  /** @param err where progress goes (stderr for the CLI) */
  public CrawlJob(SparkSession spark, PrintWriter err) {
    this.spark = spark;
    this.err = err;
  }

  /** Runs {@code spec} with progress on stderr. */
  public static CrawlReport run(SparkSession spark, CrawlSpec spec) {
    return new CrawlJob(spark, new PrintWriter(System.err, true)).run(spec);
  }

  public CrawlReport run(CrawlSpec spec) {
    long start = System.nanoTime();
    SparkContext sc = spark.sparkContext();
    Configuration hadoop = sc.hadoopConfiguration();
    String root;
    try {
      root = new HadoopOutputStore(hadoop).qualify(spec.output());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot resolve output " + spec.output(), e);
    }
    CrawlLayout layout = new CrawlLayout(root);
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(sc);
    Broadcast<SerializableHadoopConf> conf =
        jsc.broadcast(new SerializableHadoopConf(hadoop));
    try {
      OptionalInt last = layout.lastRound(hadoop);
      int round = last.orElse(0);
      Dataset<Row> frontier = last.isPresent()
          ? spark.read().schema(CrawlSchemas.FRONTIER).parquet(layout.frontier(round))
          : seeds(spec);
      int firstRound = round + 1;
      long fetched = 0;
      Map<String, Long> reasons = new TreeMap<>();
      String stopped = "reached " + spec.rounds() + " rounds";
      while (true) {
        if (round >= spec.rounds()) {
          break;
        }
        long done = frontier.where(col("status").equalTo(CrawlSchemas.FETCHED)).count();
        long budget = spec.maxPages() - done;
        if (budget <= 0) {
          stopped = "reached " + spec.maxPages() + " pages";
          break;
        }
        long now = System.currentTimeMillis();
        Dataset<Row> due = frontier
            .where(col("status").isin(CrawlSchemas.DUE, CrawlSchemas.RETRY)
                .and(col("next_fetch_ms").leq(now)))
            .persist(StorageLevel.MEMORY_AND_DISK());
        long dueCount = due.count();
        if (dueCount > budget) {
          // Only the last round of a page-limited crawl pays for the sort: shallowest first.
          Dataset<Row> cut = due.orderBy(col("depth"), col("url"))
              .limit((int) Math.min(budget, Integer.MAX_VALUE))
              .persist(StorageLevel.MEMORY_AND_DISK());
          dueCount = cut.count();
          due.unpersist();
          due = cut;
        }
        if (dueCount == 0) {
          due.unpersist();
          long waiting = frontier.where(col("status").equalTo(CrawlSchemas.RETRY)).count();
          stopped = waiting == 0 ? "no URL left to fetch"
              : waiting + " URLs wait for a retry later: run the command again then";
          break;
        }
        round++;
        int tasks = plannedTasks(layout, hadoop, round, due);
        err.println("crawl: round " + round + ": " + dueCount + " URLs in " + tasks + " tasks");
        JavaRDD<Row> rows = due.select("url", "host", "depth", "attempts")
            .repartition(tasks, col("host"))
            .sortWithinPartitions("host", "depth", "url")
            .javaRDD()
            .mapPartitions(new CrawlRoundTask(spec.config(), spec.scope(), layout, round,
                spec.hostThreads(), spec.warcMaxBytes(), conf));
        Dataset<Row> outcomes = spark.createDataFrame(rows, CrawlSchemas.OUTCOME)
            .persist(StorageLevel.MEMORY_AND_DISK());
        long fetchStart = System.nanoTime();
        long roundFetched = outcomes.where(col("kind").equalTo("FETCHED")).count();
        double fetchSeconds = (System.nanoTime() - fetchStart) / 1e9;
        long mergeStart = System.nanoTime();
        FrontierMerge.Merged merged = FrontierMerge.merge(frontier, outcomes, round, spec, now);
        Dataset<Row> log = FrontierMerge.outcomeLog(outcomes).unionByName(merged.refused());
        log.write().mode(SaveMode.Overwrite).parquet(layout.log(round));
        commitFrontier(layout, hadoop, round, merged.frontier());
        Dataset<Row> roundLog = spark.read().parquet(layout.log(round));
        for (Row r : roundLog.where(col("reason").isNotNull()).groupBy("reason").count()
            .collectAsList()) {
          reasons.merge(r.getString(0), r.getLong(1), Long::sum);
        }
        outcomes.unpersist();
        due.unpersist();
        fetched += roundFetched;
        err.println(String.format("crawl: round %d: %d pages fetched in %.1f s (%.0f pages/s), "
            + "frontier merged and committed in %.1f s", round, roundFetched, fetchSeconds,
            roundFetched / Math.max(fetchSeconds, 1e-9), (System.nanoTime() - mergeStart) / 1e9));
        frontier = spark.read().schema(CrawlSchemas.FRONTIER).parquet(layout.frontier(round));
      }
      Map<String, Long> states = new TreeMap<>();
      for (Row r : frontier.groupBy("status").count().collectAsList()) {
        states.put(r.getString(0), r.getLong(1));
      }
      double elapsed = (System.nanoTime() - start) / 1e9;
      return new CrawlReport(root, firstRound, round, fetched, reasons, states,
          countWarcs(layout, hadoop), elapsed, stopped, sc.defaultParallelism());
    } catch (IOException e) {
      throw new UncheckedIOException("crawl of " + root + " failed", e);
    } finally {
      conf.destroy();
    }
  }

  /** The seeds as round 0's frontier, all due now. */
  private Dataset<Row> seeds(CrawlSpec spec) {
    List<Row> rows = new ArrayList<>();
    List<String> bad = new ArrayList<>();
    Map<String, Boolean> seen = new LinkedHashMap<>();
    for (String s : spec.seeds()) {
      Optional<String> n = UrlNormalizer.normalize(s);
      if (n.isEmpty()) {
        bad.add(s);
      } else if (seen.putIfAbsent(n.get(), true) == null) {
        rows.add(RowFactory.create(n.get(), UrlNormalizer.origin(n.get()),
            RegisteredDomain.of(n.get()).orElse(""), 0, CrawlSchemas.DUE, 0, null, 0L, null, 0, 0));
      }
    }
    if (!bad.isEmpty()) {
      throw new IllegalArgumentException("not http(s) URLs with a host: " + bad);
    }
    return spark.createDataFrame(rows, CrawlSchemas.FRONTIER);
  }

  /**
   * The number of tasks of a round, fixed when the round first starts (a file in its journal
   * directory), so that a resumed round hashes every host to the task that journaled it before.
   */
  private int plannedTasks(CrawlLayout layout, Configuration hadoop, int round, Dataset<Row> due)
      throws IOException {
    Path plan = new Path(layout.journalDir(round), "_tasks");
    FileSystem fs = CrawlLayout.fileSystem(plan, hadoop);
    if (fs.exists(plan)) {
      try (var in = fs.open(plan)) {
        return Integer.parseInt(new String(in.readAllBytes(), StandardCharsets.UTF_8).trim());
      }
    }
    long hosts = due.select("host").distinct().count();
    int tasks = (int) Math.max(1, Math.min(hosts, spark.sparkContext().defaultParallelism() * 4L));
    fs.mkdirs(plan.getParent());
    try (FSDataOutputStream out = fs.create(plan, true)) {
      out.write(Integer.toString(tasks).getBytes(StandardCharsets.UTF_8));
    }
    return tasks;
  }

  private static void commitFrontier(CrawlLayout layout, Configuration hadoop, int round,
      Dataset<Row> next) throws IOException {
    Path target = new Path(layout.frontier(round));
    Path staging = new Path(target.getParent(), "_staging-" + target.getName());
    FileSystem fs = CrawlLayout.fileSystem(target, hadoop);
    fs.delete(staging, true);
    next.write().mode(SaveMode.Overwrite).parquet(staging.toString());
    fs.delete(target, true);
    if (!fs.rename(staging, target)) {
      throw new IOException("cannot commit frontier " + staging + " to " + target);
    }
    // Older frontiers are history nobody reads; the one before the last is kept for inspection.
    if (round >= 2) {
      fs.delete(new Path(layout.frontier(round - 2)), true);
    }
  }

  private static long countWarcs(CrawlLayout layout, Configuration hadoop) throws IOException {
    Path dir = new Path(layout.warcDir());
    FileSystem fs = CrawlLayout.fileSystem(dir, hadoop);
    if (!fs.exists(dir)) {
      return 0;
    }
    long n = 0;
    for (FileStatus s : fs.listStatus(dir)) {
      if (s.getPath().getName().endsWith(".warc.gz")) {
        n++;
      }
    }
    return n;
  }
}
