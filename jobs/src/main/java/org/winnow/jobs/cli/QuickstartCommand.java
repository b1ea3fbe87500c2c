package org.winnow.jobs.cli;

import static org.apache.spark.sql.functions.col;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.winnow.core.Document;
import org.winnow.core.ledger.Ledger;
import org.winnow.core.output.LocalOutputStore;
import org.winnow.core.schema.DocumentSchema;
import org.winnow.filter.FilterConfig;
import org.winnow.ingest.IngestConfig;
import org.winnow.jobs.decontam.HeldoutNgramOverlap;
import org.winnow.jobs.dedup.DedupJob;
import org.winnow.jobs.dedup.DedupReport;
import org.winnow.jobs.dedup.DedupSpec;
import org.winnow.jobs.dedup.DedupSummary;
import org.winnow.jobs.filter.FilterJob;
import org.winnow.jobs.filter.FilterReport;
import org.winnow.jobs.filter.FilterSpec;
import org.winnow.jobs.filter.FilterSummary;
import org.winnow.jobs.ingest.IngestJob;
import org.winnow.jobs.ingest.IngestReport;
import org.winnow.jobs.ingest.IngestSpec;
import org.winnow.jobs.ingest.IngestSummary;
import org.winnow.jobs.quickstart.EuroparlReader;
import org.winnow.jobs.crawl.CrawlSummary;
import org.winnow.jobs.quickstart.QuickstartSite;
import org.winnow.jobs.report.SummaryTable;
import org.winnow.jobs.tokenize.TokenizeJob;
import org.winnow.jobs.tokenize.TokenizeReport;
import org.winnow.jobs.tokenize.TokenizeSpec;
import org.winnow.jobs.tokenize.TokenizeSummary;
import org.winnow.jobs.tokenize.TrainTokenizerJob;
import org.winnow.jobs.tokenize.TrainTokenizerReport;
import org.winnow.jobs.tokenize.TrainTokenizerSpec;
import org.winnow.jobs.tokenize.TrainTokenizerSummary;
import org.winnow.trainer.train.TrainSpec;
import org.winnow.trainer.train.TrainSummary;
import org.winnow.trainer.train.Training;
import org.winnow.jobs.report.Units;
import org.winnow.jobs.spark.SessionLease;
import org.winnow.jobs.spark.SparkSessions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code winnow quickstart}: a crawl of a fictional parliament site built from real Europarl
 * debates, run through every stage down to a tiny model's held-out loss, so a new user sees
 * every piece work on their machine in a few minutes.
 */
@Command(
    name = "quickstart",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    sortOptions = false,
    header = "The whole pipeline on a small crawl built from Europarl debates, end to end.",
    description = {
      "Renders Europarl debates (17,597 documents in the EU's languages, shipped with Lucene's "
          + "test framework) as pages served on loopback (127.0.0.2-5, with robots.txt and "
          + "sitemaps, a few empty pages among them), crawls them with the crawl job, then runs "
          + "ingest, filter (default rules), dedup (exact, fuzzy, repeated lines), train-tokenizer "
          + "(or --tokenizer), tokenize and a tiny GPT's training on the CPU, which ends with "
          + "the held-out loss table.",
      "Each stage writes <workdir>/<stage>/ and is skipped when its output is finished and "
          + "nothing before it changed; --force redoes everything."
    })
final class QuickstartCommand implements Callable<Integer> {
  static final String SOURCE = "europarl";
  /** Documents held out, about: enough for a confidence interval on a small sample. */
  static final int HELDOUT_DOCS = 20;

  @Spec CommandSpec spec;

  @Option(names = "--workdir", paramLabel = "DIR", defaultValue = "winnow-work",
      description = "Where each stage's output goes (default: ./${DEFAULT-VALUE}).")
  Path workdir;

  @Option(names = "--docs", paramLabel = "N",
      description = "How many Europarl documents to use (default: all " + EuroparlReader.SIZE + ").")
  Integer docs;

  @Option(names = "--vocab-size", paramLabel = "N", defaultValue = "8192",
      description = "Size of the vocabulary trained on the filtered sample (default: "
          + "${DEFAULT-VALUE}).")
  int vocabSize;

  @Option(names = "--tokenizer", paramLabel = "FILE",
      description = "Tokenize with this vocabulary (tokenizer.json, a tiktoken rank file, or a "
          + "directory with GPT-2's encoder.json and vocab.bpe) instead of training one.")
  Path tokenizer;

  @Option(names = "--train-tokens", paramLabel = "N", defaultValue = "65536",
      description = "Tokens to train the tiny model on, on the CPU; 0 skips training (default: "
          + "${DEFAULT-VALUE}).")
  long trainTokens;

  @Option(names = "--force", description = "Crawl again and redo every stage.")
  boolean force;

  @Mixin SparkOptions sparkOptions;

  @Override
  public Integer call() throws IOException {
    int n = docs == null ? EuroparlReader.SIZE : docs;
    if (n <= 0) {
      throw new ParameterException(spec.commandLine(), "--docs must be > 0, got " + n);
    }
    if (vocabSize < 257) {
      throw new ParameterException(spec.commandLine(),
          "--vocab-size must be at least 257 (256 bytes and the end-of-text token), got "
              + vocabSize);
    }
    if (trainTokens < 0) {
      throw new ParameterException(spec.commandLine(), "--train-tokens must be >= 0");
    }
    if (tokenizer != null && !Files.exists(tokenizer)) {
      throw new ParameterException(spec.commandLine(), "--tokenizer: no file " + tokenizer);
    }
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Path root = workdir.toAbsolutePath().normalize();
    boolean redo = force;
    SummaryTable where = new SummaryTable().header("stage", "output");
    try (SessionLease lease = SparkSessions.open("winnow quickstart", sparkOptions.master(), Map.of())) {
      SparkSession spark = lease.session();
      QuickstartSite.Result crawl = QuickstartSite.crawl(spark, n, root.resolve("crawl"), redo, err);
      if (crawl.report().isPresent()) {
        out.print(CrawlSummary.render(crawl.report().get()));
        out.println();
        redo = true;
      } else {
        out.println("quickstart: reusing the finished crawl of " + n + " pages in "
            + root.resolve("crawl"));
      }
      where.row("crawl (WARC)", crawl.warcDir());
      IngestSpec job = new IngestSpec(List.of(crawl.warcDir()), root.resolve("ingest").toString(),
          IngestConfig.defaults(SOURCE), 128L * 1024 * 1024, redo);
      IngestReport report = new IngestJob(spark, err).run(job);
      out.print(IngestSummary.render(report));
      out.println();
      where.row("ingest", report.output());
      // A stage that ran anew makes every later stage's output stale.
      redo |= !report.skipped();

      FilterReport filtered = filter(spark, report.output(), root, redo, err);
      out.print(FilterSummary.render(filtered, "filter"));
      out.println();
      where.row("filter", filtered.output());
      redo |= !filtered.skipped();
      printSample(out, spark, filtered.output());

      DedupReport deduped = new DedupJob(spark, err).run(
          DedupSpec.defaults(List.of(filtered.output()), root.resolve("dedup").toString())
              .withForce(redo));
      out.print(DedupSummary.render(deduped));
      out.println();
      where.row("dedup", deduped.output());
      redo |= !deduped.skipped();
      String documents = deduped.output();

      String vocab;
      if (tokenizer != null) {
        vocab = tokenizer.toAbsolutePath().toString();
      } else {
        TrainTokenizerReport v = new TrainTokenizerJob(spark, err).run(new TrainTokenizerSpec(
            List.of(documents), root.resolve("tokenizer").toString(), "quickstart", vocabSize,
            "gpt2", redo));
        out.print(TrainTokenizerSummary.render(v));
        out.println();
        redo |= !v.skipped();
        vocab = root.resolve("tokenizer").resolve(TrainTokenizerJob.TOKENIZER_JSON).toString();
        where.row("train-tokenizer", v.output());
      }
      TokenizeReport shards = new TokenizeJob(spark, err).run(TokenizeSpec.of(List.of(documents),
          root.resolve("shards").toString(), vocab).withHeldoutFraction(heldoutFraction(n))
          .withDecontamination(new HeldoutNgramOverlap(13, 1)).withForce(redo));
      out.print(TokenizeSummary.render(shards));
      out.println();
      redo |= !shards.skipped();
      where.row("tokenize", shards.output());

      if (trainTokens > 0) {
        Path run = root.resolve("train");
        out.print(train(root.resolve("shards"), run, redo, err).render(0, "n/a"));
        out.println();
        where.row("train", run.toString());
      }
    }
    out.print(where.render());
    out.println("(Parquet outputs hold _removed/, _rejected/ and " + Ledger.FILE_NAME
        + " beside the kept rows.)");
    out.flush();
    return 0;
  }

  /** 2% of the sample, but about {@link #HELDOUT_DOCS} documents at least (at most 20%). */
  static double heldoutFraction(int documents) {
    return Math.max(0.02, Math.min(0.2, (double) HELDOUT_DOCS / documents));
  }

  /**
   * A {@code tiny} GPT on the CPU, long enough to see the loss fall; the held-out table at the
   * end is the number an ablation compares.
   */
  private TrainSummary train(Path shards, Path run, boolean redo, PrintWriter err)
      throws IOException {
    if (redo) {
      // A run directory with a checkpoint resumes; new shards need a fresh run.
      new LocalOutputStore().deleteRecursively(run.toString());
    }
    TrainSpec spec = TrainSpec.builder(List.of(shards.toString()), run)
        .model("tiny").batch(8).seqLen(256).tokens(trainTokens).lr(3e-3).warmupSteps(4)
        .evalTokens(20_000).device("cpu").build();
    return Training.run(spec, err::println);
  }

  /** The filter stage with the default rules (the published thresholds) on what ingest kept. */
  private static FilterReport filter(SparkSession spark, String ingested, Path root,
      boolean force, PrintWriter err) {
    FilterConfig rules = FilterConfig.defaults();
    FilterSpec spec = new FilterSpec(List.of(ingested), root.resolve("filter").toString(),
        rules.yaml(), rules.source(), Optional.empty(), FilterSpec.Mode.FILTER, force);
    return new FilterJob(spark, err).run(spec);
  }

  /** The first kept document in lineage order, so the same run always shows the same one. */
  private static void printSample(PrintWriter out, SparkSession spark, String output) {
    List<Row> first = spark.read().parquet(output)
        .orderBy(col(DocumentSchema.WARC_FILE.name()), col(DocumentSchema.WARC_OFFSET.name()))
        .limit(1)
        .collectAsList();
    if (first.isEmpty()) {
      out.println("quickstart: no document was kept; see the ledger above");
      return;
    }
    Row row = first.get(0);
    Object[] values = new Object[DocumentSchema.COLUMNS.size()];
    for (int i = 0; i < values.length; i++) {
      values[i] = row.get(row.fieldIndex(DocumentSchema.COLUMNS.get(i).name()));
    }
    Document d = DocumentSchema.fromValues(values);
    String text = d.text().length() > 600 ? d.text().substring(0, 600) + " ..." : d.text();
    out.println("A sample document:");
    SummaryTable t = new SummaryTable();
    t.row("id", d.id());
    t.row("url", d.url());
    t.row("domain", d.domain());
    t.row("lang", d.lang() + " (score " + Units.decimal(d.langScore()) + ")");
    t.row("fetch_time", d.fetchTime().toString());
    t.row("title", d.title());
    t.row("lineage", d.location());
    out.print(t.render());
    out.println();
    out.println(text.indent(2).stripTrailing());
  }
}
