package org.winnow.bench.job;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.winnow.bench.filter.FilterDocuments;
import org.winnow.core.Document;
import org.winnow.filter.FilterConfig;
import org.winnow.filter.FilterPipeline;
import org.winnow.jobs.filter.FilterJob;
import org.winnow.jobs.filter.FilterReport;
import org.winnow.jobs.filter.FilterSpec;
import org.winnow.jobs.spark.CommonPool;
import org.winnow.jobs.spark.SessionLease;

/**
 * Documents per second of the filter Spark job ({@code winnow filter}, default rules) in
 * {@code local[N]} against {@link FilterPipeline} called in a plain loop on one thread over the
 * same documents held in memory, in one JVM and one run (see {@link JobDuel}). The documents,
 * repeated {@code --copies} times under new ids ({@link CopiedCorpus}), are one of:
 *
 * <ul>
 *   <li>{@code --corpus quickstart} (the default): the quick-start sample's first {@code --docs}
 *       pages, ingested: Europarl fragments of about 1.1 KB;
 *   <li>{@code --corpus web}: the real web pages of {@code shared/data}, as the filter's JMH
 *       benchmark has them ({@link FilterDocuments#webPages}): 150 pages of 5.6 K characters on
 *       average, each about five times the pipeline's work of a quick-start page.
 * </ul>
 *
 * <p>Usage: {@code FilterJobBench [--corpus quickstart|web] [--docs N] [--copies N] [--cores N]
 * [--rounds N] [--warmup N] [--work DIR]}; {@code --warmup} runs the job that many times more
 * before the rounds
 */
public final class FilterJobBench {
  private FilterJobBench() {}

  public static void main(String[] args) throws Exception {
    CommonPool.oneWorkerPerCore();
    CorpusBenchSettings settings = CorpusBenchSettings.parse(args);
    int cores = settings.cores();
    Path work = settings.work();
    PrintWriter err = new PrintWriter(System.err, true);
    long t = System.nanoTime();
    SessionLease lease = settings.openSession("winnow filter bench");
    double startup = JobDuel.secs(t);
    try (lease) {
      String corpus = JobDuel.option(args, "--corpus", "quickstart");
      CopiedCorpus copied = switch (corpus) {
        case "quickstart" -> CopiedCorpus.build(lease.session(), work, settings.docs(),
            settings.copies(), err);
        case "web" -> CopiedCorpus.of(lease.session(), work, "filter-input-web",
            new FilterDocuments().webPages(), settings.copies());
        default -> throw new IllegalArgumentException("--corpus is quickstart or web, not "
            + corpus);
      };
      String input = copied.input();
      List<Document> documents = copied.documents();

      FilterConfig rules = FilterConfig.defaults();
      FilterSpec spec = new FilterSpec(List.of(input), work.resolve("filter").toString(),
          rules.yaml(), rules.source(), Optional.empty(), FilterSpec.Mode.FILTER, true);
      FilterJob job = new FilterJob(lease.session(), err);
      t = System.nanoTime();
      FilterReport cold = job.run(spec);
      JobDuel.say("job, first run: %.1f s, %s kept", JobDuel.secs(t),
          JobDuel.fmt(cold.ledger().kept()));
      t = System.nanoTime();
      long warm = loop(documents);
      JobDuel.say("library loop, warm-up: %.1f s", JobDuel.secs(t));

      JobDuel.warmUp(settings.warmup(), () -> job.run(spec).elapsedSeconds());
      FilterReport[] last = {cold};
      List<JobDuel.Round> duel = JobDuel.run("Filter job", cores, settings.rounds(),
          () -> loop(documents), () -> {
            last[0] = job.run(spec);
            return last[0].ledger().in();
          });
      JobDuel.Round median = duel.get(duel.size() / 2);
      // The machine's ceiling for a job on this many cores: the library on that many threads,
      // timed the second time: a first run, on new threads with new pipelines, gave 1.72x one
      // thread on the web pages, where later runs give about 2x.
      loopOnThreads(documents, cores);
      t = System.nanoTime();
      loopOnThreads(documents, cores);
      double parallel = documents.size() / JobDuel.secs(t);
      JobDuel.say("library on %d threads       %s docs/s: %.2fx one thread, the machine's ceiling "
          + "for a job on %d cores; the job reaches %.2f of it", cores, JobDuel.fmt(parallel),
          parallel / median.loopRate(), cores, median.jobRate() / parallel);
      JobDuel.say("job cost (last run)        %s CPU-s per input GB of Parquet, %s docs/s per "
          + "core", JobDuel.fmt(last[0].cpuSecondsPerInputGb()),
          JobDuel.fmt(last[0].docsPerSecondPerCore()));
      JobDuel.say("session start-up           %.1f s (not in the job time); %d documents",
          startup, warm);
    }
  }

  /** The library loop on {@code threads} threads, each over every {@code threads}-th document. */
  private static void loopOnThreads(List<Document> documents, int threads) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<?>> parts = new ArrayList<>();
      for (int k = 0; k < threads; k++) {
        int first = k;
        parts.add(pool.submit(() -> {
          FilterPipeline pipeline = new FilterPipeline(FilterConfig.defaults());
          for (int i = first; i < documents.size(); i += threads) {
            pipeline.evaluate(documents.get(i));
          }
        }));
      }
      for (Future<?> f : parts) {
        f.get();
      }
    } finally {
      pool.shutdown();
    }
  }

  private static long loop(List<Document> documents) {
    FilterPipeline pipeline = new FilterPipeline(FilterConfig.defaults());
    long n = 0;
    for (Document d : documents) {
      pipeline.evaluate(d);
      n++;
    }
    return n;
  }
}
