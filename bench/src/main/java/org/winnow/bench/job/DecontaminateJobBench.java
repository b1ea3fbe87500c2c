package org.winnow.bench.job;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.pmod;
import static org.apache.spark.sql.functions.xxhash64;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.winnow.core.Document;
import org.winnow.dedup.decontam.NgramIndex;
import org.winnow.dedup.decontam.ProtectedText;
import org.winnow.jobs.decontam.DecontaminateJob;
import org.winnow.jobs.decontam.DecontaminateReport;
import org.winnow.jobs.decontam.DecontaminateSpec;
import org.winnow.jobs.spark.CommonPool;
import org.winnow.jobs.spark.SessionLease;

/**
 * Documents per second of the decontaminate Spark job ({@code winnow decontaminate --remove},
 * 13-word shingles) in {@code local[N]} against {@link NgramIndex#overlap} called in a plain loop
 * on one thread over the same documents held in memory, in one JVM and one run (see
 * {@link JobDuel}). The corpus is {@link CopiedCorpus}; the protected texts are about one in a
 * hundred of its documents (by a hash of the id), so every copy of those is contaminated.
 *
 * <p>Usage: {@code DecontaminateJobBench [--docs N] [--copies N] [--cores N] [--rounds N]
 * [--warmup N] [--work DIR]}
 */
public final class DecontaminateJobBench {
  private static final int NGRAM = NgramIndex.DEFAULT_N;

  private DecontaminateJobBench() {}

  public static void main(String[] args) throws Exception {
    CommonPool.oneWorkerPerCore();
    CorpusBenchSettings settings = CorpusBenchSettings.parse(args);
    int cores = settings.cores();
    Path work = settings.work();
    PrintWriter err = new PrintWriter(System.err, true);
    long t = System.nanoTime();
    SessionLease lease = settings.openSession("winnow decontaminate bench");
    double startup = JobDuel.secs(t);
    try (lease) {
      SparkSession spark = lease.session();
      CopiedCorpus copied = CopiedCorpus.build(spark, work, settings.docs(), settings.copies(),
          err);
      String protectedDir = work.resolve("protected-" + settings.docs()).toString();
      spark.read().parquet(copied.ingested())
          .where(pmod(xxhash64(col("id")), lit(100)).equalTo(0))
          .write().mode(SaveMode.Overwrite).parquet(protectedDir);
      List<ProtectedText> texts = new ArrayList<>();
      for (Row r : spark.read().parquet(protectedDir).select("id", "source", "text")
          .collectAsList()) {
        texts.add(new ProtectedText(r.getString(0), r.getString(1), r.getString(2)));
      }
      NgramIndex index = NgramIndex.build(texts, NGRAM);
      List<Document> documents = copied.documents();
      JobDuel.say("protected: %,d documents, index of %,d bytes", texts.size(), index.bytes());

      DecontaminateSpec spec = new DecontaminateSpec(List.of(copied.input()),
          List.of(protectedDir), work.resolve("decontaminate").toString(), NGRAM, 1, true, true);
      DecontaminateJob job = new DecontaminateJob(spark, err);
      t = System.nanoTime();
      DecontaminateReport cold = job.run(spec);
      JobDuel.say("job, first run: %.1f s, %s removed", JobDuel.secs(t),
          JobDuel.fmt(cold.flagged()));
      long contaminated = contaminated(index, documents);
      if (contaminated != cold.flagged()) {
        throw new IllegalStateException("the loop finds " + contaminated
            + " contaminated documents, the job " + cold.flagged());
      }
      JobDuel.warmUp(settings.warmup(), () -> job.run(spec).elapsedSeconds());
      JobDuel.run("Decontaminate job", cores, settings.rounds(), () -> {
        contaminated(index, documents);
        return (long) documents.size();
      }, () -> job.run(spec).ledger().in());
      JobDuel.say("session start-up           %.1f s (not in the job time)", startup);
    }
  }

  /** The library loop: every document looked up, the contaminated ones counted. */
  private static long contaminated(NgramIndex index, List<Document> documents) {
    long n = 0;
    for (Document d : documents) {
      if (index.overlap(d.text()).matched() >= 1) {
        n++;
      }
    }
    return n;
  }
}
