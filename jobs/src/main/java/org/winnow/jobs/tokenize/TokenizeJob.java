package org.winnow.jobs.tokenize;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.udf;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.SparkContext;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.types.DataTypes;
import org.winnow.core.ledger.DroppedSchema;
import org.winnow.core.ledger.Ledger;
import org.winnow.core.ledger.LedgerImbalanceException;
import org.winnow.core.output.AtomicOutput;
import org.winnow.core.schema.DocumentSchema;
import org.winnow.jobs.io.FixedSplits;
import org.winnow.jobs.io.HadoopOutputStore;
import org.winnow.jobs.io.ParquetParts;
import org.winnow.jobs.report.ProgressReporter;
import org.winnow.jobs.spark.JobCounters;
import org.winnow.jobs.spark.LiveCounters;
import org.winnow.jobs.spark.ProcessCpu;
import org.winnow.jobs.spark.SerializableHadoopConf;
import org.winnow.jobs.spark.TaskCpuMeter;
import org.winnow.loader.manifest.ShardManifest;
import org.winnow.loader.manifest.ShardSummary;
import org.winnow.loader.manifest.SourceTotals;
import org.winnow.loader.manifest.SplitSummary;
import org.winnow.loader.manifest.TokenizerIdentity;
import org.winnow.loader.shard.Split;

/**
 * The tokenize stage as a Spark job: the document dataset in, token shards out, in the layout of
 * DESIGN.md ("Token shards") so that the loader reads them as they are.
 *
 * <p>One pass over the input, with no shuffle and nothing persisted: the input is read in splits
 * fixed by the input alone ({@link FixedSplits}), and each task ({@link TokenizeTask}) encodes its
 * split's documents (end-of-text appended), writes the rejected ones to {@code _rejected/}, sorts
 * its train and held-out documents by a seeded hash of their ids ({@link DocumentPlacement}) and
 * writes them into shard files of at most {@code shardTokens} tokens with the loader's
 * {@code ShardWriter}. A shard therefore holds documents of one input split, in hash order, not in
 * crawl order; mixing across shards is the loader's job (it permutes the row groups of all shards
 * and the documents within windows of them). The driver renames the successful task attempts' files to their contract names
 * ({@link TaskFileCommit}), builds the manifest and the ledger from what the tasks report, checks
 * both against the Parquet footers and commits the staging directory.
 *
 * <p>Every step is a pure function of the input files, the vocabulary and the spec, so a rerun
 * writes byte-identical shards and manifest on any cluster size.
 *
 * <p>Decontamination: given a {@link HeldoutDecontamination}, the driver first reads the held-out
 * documents and builds its {@link ContaminationTest}, which is broadcast; the tasks then test
 * each train document as they encode it, and write the ones that overlap the held-out split to
 * {@code _removed/} instead of the shards, counted as {@code removed} in the ledger. The input is read twice in all,
 * the second time by the tasks. Without one, nothing is removed and {@code _removed/} is empty.
 */
public final class TokenizeJob {
  /** The stage name in the ledger. */
  public static final String STAGE = "tokenize";
  private static final String ID = DocumentSchema.ID.name();

  private final SparkSession spark;
  private final PrintWriter err;

  /** @param err where progress goes (stderr for the CLI) */
  public TokenizeJob(SparkSession spark, PrintWriter err) {
    this.spark = spark;
    this.err = err;
  }

  /** Runs the job in {@code spark}, progress on stderr: the entry point for other commands. */
  public static TokenizeReport run(SparkSession spark, TokenizeSpec spec) {
    return new TokenizeJob(spark, new PrintWriter(System.err, true)).run(spec);
  }

  public TokenizeReport run(TokenizeSpec spec) {
    long start = System.nanoTime();
    double processCpuStart = ProcessCpu.seconds();
    Configuration hadoop = spark.sparkContext().hadoopConfiguration();
    HadoopOutputStore store = new HadoopOutputStore(hadoop);
    AtomicOutput out = store.prepare(spec.output(), spec.force());
    String target = out.target();
    if (out.alreadyDone()) {
      return TokenizeReport.skipped(target, store.readLedger(target), readManifest(store, target));
    }
    TokenizerSource vocabulary;
    org.winnow.tokenizer.TokenizerIdentity named;
    try {
      vocabulary = TokenizerSource.resolve(spec.tokenizer(), hadoop);
      named = TokenizerSource.identityOf(spec.tokenizer(), vocabulary);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot load tokenizer " + spec.tokenizer() + ": "
          + e.getMessage(), e);
    }
    try {
      return tokenize(spec, vocabulary, identity(named), out, store, start, processCpuStart);
    } catch (RuntimeException e) {
      out.abort();
      throw e;
    }
  }

  private TokenizeReport tokenize(TokenizeSpec spec, TokenizerSource vocabulary,
      TokenizerIdentity identity, AtomicOutput out, HadoopOutputStore store, long start,
      double processCpuStart) {
    SparkContext sc = spark.sparkContext();
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(sc);
    // Input splits from the input alone: the tasks write the shards, so the splits decide them.
    SparkSession fixed = FixedSplits.session(spark);
    JobCounters counters = JobCounters.register(sc, STAGE);
    Broadcast<TokenizerSource> vocab = jsc.broadcast(vocabulary);
    Broadcast<SerializableHadoopConf> conf =
        jsc.broadcast(new SerializableHadoopConf(sc.hadoopConfiguration()));
    String staging = out.staging();
    try (TaskCpuMeter cpu = TaskCpuMeter.start(sc);
        LiveCounters live = LiveCounters.start(sc, counters)) {
      Dataset<Row> input = fixed.read().parquet(spec.inputs().toArray(String[]::new));
      // From the Parquet footers: no pass over the data, and independent of the tasks' counts.
      long inputDocs = ParquetParts.of(sc.hadoopConfiguration(), input.inputFiles()).rows();
      Broadcast<ContaminationTest> contamination = spec.decontamination().isPresent()
          ? jsc.broadcast(prepare(spec.decontamination().get(), input, spec.placement()))
          : null;
      // Spark's internal rows, not Rows: the text stays raw UTF-8 where the scan put it.
      JavaRDD<InternalRow> docs = input.select(TokenizeTask.COLUMNS.stream()
              .map(c -> col(c.name())).toArray(Column[]::new))
          .queryExecution().toRdd().toJavaRDD();

      List<TaskResult> results;
      try (ProgressReporter p = ProgressReporter.start(STAGE, err, live::records, live::records,
          inputDocs, ProgressReporter.Unit.DOCUMENTS)) {
        results = docs
            .mapPartitionsWithIndex(new TokenizeTask(vocab, spec, staging, conf, counters,
                contamination), false)
            .collect();
      } finally {
        if (contamination != null) {
          contamination.destroy();
        }
      }
      TokenizeTally tally = new TokenizeTally();
      results.forEach(r -> tally.merge(r.tally()));
      Ledger ledger = tally.ledger(STAGE);
      Map<Split, List<ShardSummary>> shards =
          TaskFileCommit.commit(results, staging, sc.hadoopConfiguration());
      Map<String, SplitSummary> splits = splitSummaries(shards, tally);
      checkFooters(splits, ledger, inputDocs, store, staging);
      err.println(STAGE + ": wrote " + tally.documents(Split.TRAIN) + " train and "
          + tally.documents(Split.HELDOUT) + " held-out documents to " + out.target());

      ShardManifest manifest = new ShardManifest(identity, splits, manifestConfig(spec));
      writeUtf8(store, store.child(staging, ShardManifest.FILE_NAME),
          new String(manifest.toJson(), StandardCharsets.UTF_8));

      double elapsed = (System.nanoTime() - start) / 1e9;
      double processCpu = ProcessCpu.seconds() - processCpuStart;
      boolean wholeProcess = sc.isLocal() && Double.isFinite(processCpu);
      long textBytes = tally.textBytes(Split.TRAIN) + tally.textBytes(Split.HELDOUT);
      TokenizeReport report = new TokenizeReport(out.target(), false, ledger, manifest,
          textBytes, elapsed, wholeProcess ? processCpu : cpu.cpuSeconds(),
          wholeProcess ? "process" : "tasks", sc.defaultParallelism());
      out.writeLedger(ledger.toJson(ledgerExtras(spec, report, tally)));
      out.commit();
      return report;
    } finally {
      vocab.destroy();
      conf.destroy();
    }
  }

  /**
   * The manifest's splits: the committed shards with the tally's totals per source, which must
   * agree with what the shard writers counted.
   */
  private static Map<String, SplitSummary> splitSummaries(Map<Split, List<ShardSummary>> shards,
      TokenizeTally tally) {
    Map<String, SplitSummary> splits = new LinkedHashMap<>();
    for (Split split : Split.values()) {
      List<ShardSummary> files = shards.get(split);
      long rows = files.stream().mapToLong(ShardSummary::rows).sum();
      long tokens = files.stream().mapToLong(ShardSummary::tokens).sum();
      if (rows != tally.documents(split) || tokens != tally.tokens(split)) {
        throw new LedgerImbalanceException(STAGE + ": " + split.dirName() + " counted "
            + tally.documents(split) + " documents and " + tally.tokens(split) + " tokens, but "
            + files.size() + " shards with " + rows + " rows and " + tokens
            + " tokens were written");
      }
      Map<String, SourceTotals> sources = new LinkedHashMap<>();
      tally.sources(split).forEach((k, v) -> sources.put(k, new SourceTotals(v[0], v[1])));
      splits.put(split.dirName(), new SplitSummary(rows, tokens, files, sources));
    }
    return splits;
  }

  /**
   * Checks the manifest and the ledger against what the Parquet footers say was written: every
   * shard's rows, no file beside the listed ones, and the rows in {@code _removed/} and
   * {@code _rejected/}.
   */
  private void checkFooters(Map<String, SplitSummary> splits, Ledger ledger, long inputDocs,
      HadoopOutputStore store, String staging) {
    Configuration hadoop = spark.sparkContext().hadoopConfiguration();
    long written = ShardFooterCheck.writtenRows(splits, hadoop, store, staging);
    // The input count comes from Parquet's metadata, independently of the encoding tasks.
    ledger.check(inputDocs, written);
    checkSideRows(hadoop, store, staging, DroppedSchema.REMOVED_DIR, "removed",
        ledger.removedTotal());
    checkSideRows(hadoop, store, staging, DroppedSchema.REJECTED_DIR, "rejected",
        ledger.rejectedTotal());
  }

  private static void checkSideRows(Configuration hadoop, HadoopOutputStore store,
      String staging, String dir, String fate, long counted) {
    long rows = ParquetParts.in(hadoop, store.child(staging, dir)).rows();
    if (rows != counted) {
      throw new LedgerImbalanceException(STAGE + ": ledger counts " + counted + " " + fate
          + ", but " + rows + " rows were written to " + dir + "/");
    }
  }

  /**
   * Builds {@code d}'s test on the driver from the held-out documents, read from the input in a
   * pass of their own: the train documents are tested by the tasks that encode them.
   */
  private static ContaminationTest prepare(HeldoutDecontamination d, Dataset<Row> input,
      DocumentPlacement placement) {
    UserDefinedFunction heldOut =
        udf((UDF1<String, Boolean>) placement::heldOut, DataTypes.BooleanType);
    String text = DocumentSchema.TEXT.name();
    return d.prepare(input.where(col(ID).isNotNull().and(col(text).isNotNull()))
        .select(col(ID), col(text))
        .where(heldOut.apply(col(ID))));
  }

  /** The settings that shaped the shards; recorded in the manifest, free of run-specific facts. */
  private static Map<String, Object> manifestConfig(TokenizeSpec spec) {
    Map<String, Object> c = new LinkedHashMap<>();
    c.put("stage", STAGE);
    c.put("tokenizer", spec.tokenizer());
    c.put("heldout_fraction", spec.heldoutFraction());
    c.put("salt", spec.salt());
    c.put("seed", spec.seed());
    c.put("shard_tokens", spec.shardTokens());
    c.put("row_group_tokens", spec.rowGroupTokens());
    c.put("max_document_bytes", spec.maxDocumentBytes());
    c.put("end_of_text_appended", true);
    return c;
  }

  private Map<String, Object> ledgerExtras(TokenizeSpec spec, TokenizeReport r,
      TokenizeTally tally) {
    Map<String, Object> extra = new LinkedHashMap<>();
    extra.put("inputs", spec.inputs());
    extra.put("tokenizer", r.manifest().tokenizer().name());
    extra.put("tokens", r.tokens());
    extra.put("text_bytes", r.textBytes());
    extra.put("bytes_per_token", round(r.bytesPerToken()));
    Map<String, Object> bySplit = new LinkedHashMap<>();
    for (Split split : Split.values()) {
      Map<String, Object> sources = new LinkedHashMap<>();
      tally.sources(split).forEach((name, c) -> sources.put(name,
          Map.of("documents", c[0], "tokens", c[1], "text_bytes", c[2])));
      bySplit.put(split.dirName(), sources);
    }
    extra.put("sources", bySplit);
    extra.put("elapsed_s", round(r.elapsedSeconds()));
    extra.put("tokens_per_s", round(r.tokensPerSecond()));
    extra.put("mb_per_s", round(r.mbPerSecond()));
    extra.put("cpu_s", round(r.cpuSeconds()));
    extra.put("cpu_measured_over", r.cpuSource());
    extra.put("cpu_s_per_input_gb", round(r.cpuSecondsPerInputGb()));
    extra.put("docs_per_s_per_core", round(r.docsPerSecondPerCore()));
    extra.put("cores", r.cores());
    extra.put("spark_master", spark.sparkContext().master());
    extra.put("spark_version", spark.version());
    return extra;
  }

  private static TokenizerIdentity identity(org.winnow.tokenizer.TokenizerIdentity t) {
    int eot = t.endOfTextId().orElseThrow(() -> new IllegalArgumentException("tokenizer "
        + t.name() + " has no <|endoftext|> token to end documents with"));
    return new TokenizerIdentity(t.name(), t.vocabSize(), t.sha256(), eot);
  }

  private static double round(double x) {
    return Double.isFinite(x) ? Math.round(x * 1000) / 1000.0 : 0;
  }

  private static void writeUtf8(HadoopOutputStore store, String path, String content) {
    try {
      store.writeUtf8(path, content);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + path, e);
    }
  }


  private static ShardManifest readManifest(HadoopOutputStore store, String target) {
    String path = store.child(target, ShardManifest.FILE_NAME);
    try {
      return ShardManifest.parse(store.readUtf8(path).getBytes(StandardCharsets.UTF_8), path);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + path, e);
    }
  }
}
