package org.winnow.jobs.cli;

import static org.apache.spark.sql.functions.col;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.winnow.core.Document;
import org.winnow.core.ledger.Ledger;
import org.winnow.core.schema.DocumentSchema;
import org.winnow.filter.FilterConfig;
import org.winnow.ingest.IngestConfig;
import org.winnow.jobs.filter.FilterJob;
import org.winnow.jobs.filter.FilterReport;
import org.winnow.jobs.filter.FilterSpec;
import org.winnow.jobs.filter.FilterSummary;
import org.winnow.jobs.ingest.IngestJob;
import org.winnow.jobs.ingest.IngestReport;
import org.winnow.jobs.ingest.IngestSpec;
import org.winnow.jobs.ingest.IngestSummary;
import org.winnow.jobs.quickstart.EuroparlReader;
import org.winnow.jobs.quickstart.QuickstartCorpus;
import org.winnow.jobs.report.SummaryTable;
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
 * debates, written as WARC files and run through the ingest job, so a new user sees every
 * piece work on their machine in a minute or two.
 */
@Command(
    name = "quickstart",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    sortOptions = false,
    header = "Build a small crawl from Europarl debates and ingest it: a first run end to end.",
    description = {
      "Renders Europarl debates (17,597 documents in the EU's languages, shipped with Lucene's "
          + "test framework) as pages of europarl.example, writes them as WARC files with a few "
          + "bad records among them, and runs 'winnow ingest' on them.",
      "Writes <workdir>/warc/ once and reuses it; writes <workdir>/ingest/ unless it is finished."
    })
final class QuickstartCommand implements Callable<Integer> {
  static final String SOURCE = "europarl";

  @Spec CommandSpec spec;

  @Option(names = "--workdir", paramLabel = "DIR", defaultValue = "winnow-work",
      description = "Where the WARC files and the ingest output go (default: ./${DEFAULT-VALUE}).")
  Path workdir;

  @Option(names = "--docs", paramLabel = "N",
      description = "How many Europarl documents to use (default: all " + EuroparlReader.SIZE + ").")
  Integer docs;

  @Option(names = "--force", description = "Rewrite the WARC files and redo the ingest.")
  boolean force;

  @Mixin SparkOptions sparkOptions;

  @Override
  public Integer call() throws IOException {
    int n = docs == null ? EuroparlReader.SIZE : docs;
    if (n <= 0) {
      throw new ParameterException(spec.commandLine(), "--docs must be > 0, got " + n);
    }
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Path root = workdir.toAbsolutePath().normalize();
    QuickstartCorpus.Summary warcs = QuickstartCorpus.ensure(root.resolve("warc"), n, force, err);
    out.println((warcs.generated() ? "quickstart: wrote " : "quickstart: reusing ")
        + warcs.files().size() + " WARC files (" + Units.mb(warcs.bytes()) + ", "
        + Units.count(warcs.documents()) + " pages, " + Units.count(warcs.captures())
        + " captures of which " + warcs.bad() + " bad) in " + warcs.dir());
    out.flush();

    IngestSpec job = new IngestSpec(List.of(warcs.dir().toString()), root.resolve("ingest").toString(),
        IngestConfig.defaults(SOURCE), 128L * 1024 * 1024, force || warcs.generated());
    try (SessionLease lease = SparkSessions.open("winnow quickstart", sparkOptions.master(), Map.of())) {
      IngestReport report = new IngestJob(lease.session(), err).run(job);
      out.print(IngestSummary.render(report));
      out.println();
      FilterReport filtered = filter(lease.session(), report.output(), root, force
          || warcs.generated(), err);
      out.print(FilterSummary.render(filtered, "filter"));
      out.println();
      printWhere(out, warcs, report, filtered);
      printSample(out, lease.session(), filtered.output());
    }
    out.flush();
    return 0;
  }

  /** The filter stage with the default rules (the published thresholds) on what ingest kept. */
  private static FilterReport filter(SparkSession spark, String ingested, Path root,
      boolean force, PrintWriter err) {
    FilterConfig rules = FilterConfig.defaults();
    FilterSpec spec = new FilterSpec(List.of(ingested), root.resolve("filter").toString(),
        rules.yaml(), rules.source(), Optional.empty(), FilterSpec.Mode.FILTER, 128L << 20, force);
    return new FilterJob(spark, err).run(spec);
  }

  private static void printWhere(PrintWriter out, QuickstartCorpus.Summary warcs, IngestReport r,
      FilterReport f) {
    SummaryTable t = new SummaryTable().header("stage", "output (Parquet, with _removed/, "
        + "_rejected/ and " + Ledger.FILE_NAME + ")");
    t.row("WARC files", warcs.dir().toString());
    t.row("ingest", r.output());
    t.row("filter", f.output());
    out.print(t.render());
    out.println();
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
