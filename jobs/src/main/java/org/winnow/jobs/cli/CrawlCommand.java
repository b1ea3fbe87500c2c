package org.winnow.jobs.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.winnow.ingest.crawl.CrawlConfig;
import org.winnow.ingest.crawl.CrawlScope;
import org.winnow.ingest.crawl.UrlNormalizer;
import org.winnow.jobs.crawl.CrawlJob;
import org.winnow.jobs.crawl.CrawlReport;
import org.winnow.jobs.crawl.CrawlSpec;
import org.winnow.jobs.crawl.CrawlSummary;
import org.winnow.jobs.spark.SessionLease;
import org.winnow.jobs.spark.SparkSessions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code winnow crawl}: a polite, robots-aware crawl that writes WARC files, as a Spark job. */
@Command(
    name = "crawl",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    sortOptions = false,
    header = "Crawl the web from seed URLs into WARC files, as a Spark job.",
    description = {
      "Keeps the frontier as Parquet under the output directory and works in rounds: the due "
          + "URLs are grouped by host (one task owns a host), fetched politely (robots.txt, "
          + "Crawl-delay, a minimum delay per host, one connection per host), and the links "
          + "found are merged back. Responses go to <output>/warc/*.warc.gz, which winnow ingest "
          + "reads; <output>/crawl_log/ says why every URL not fetched was not.",
      "Stop it at any point and run the same command again: it continues without fetching "
          + "again what it already has.",
      "Private, loopback, link-local and multicast addresses are refused, after name "
          + "resolution and on every redirect hop, unless --allow-private is given."
    })
final class CrawlCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--seeds", required = true, paramLabel = "FILE",
      description = "Seed URLs, one per line (# starts a comment).")
  Path seeds;

  @Option(names = {"-o", "--output"}, required = true, paramLabel = "DIR",
      description = "Crawl directory (frontier, crawl log, WARC files).")
  String output;

  @Option(names = "--max-pages", paramLabel = "N", defaultValue = "100000",
      description = "Pages to fetch over the whole crawl at most (default: ${DEFAULT-VALUE}).")
  long maxPages;

  @Option(names = "--max-depth", paramLabel = "D", defaultValue = "5",
      description = "Links to follow from a seed at most (default: ${DEFAULT-VALUE}).")
  int maxDepth;

  @Option(names = "--rounds", paramLabel = "R", defaultValue = "10",
      description = "Rounds in the whole crawl at most (default: ${DEFAULT-VALUE}).")
  int rounds;

  @Option(names = "--scope", paramLabel = "SCOPE", defaultValue = "same-domain",
      description = "same-domain (the seeds' registered domains) or allowlist (URLs matching "
          + "--allow) (default: ${DEFAULT-VALUE}).")
  String scope;

  @Option(names = "--allow", paramLabel = "REGEX",
      description = "URLs must match one of these (repeatable).")
  List<String> allow = new ArrayList<>();

  @Option(names = "--deny", paramLabel = "REGEX",
      description = "URLs matching one of these are out of scope (repeatable).")
  List<String> deny = new ArrayList<>();

  @Option(names = "--allow-private",
      description = "Allow private, loopback and link-local addresses (intranets, tests).")
  boolean allowPrivate;

  @Option(names = "--min-delay-ms", paramLabel = "MS", defaultValue = "1000",
      description = "Least time between two requests to one host; robots.txt's Crawl-delay "
          + "may ask for more (default: ${DEFAULT-VALUE}).")
  long minDelayMs;

  @Option(names = "--host-threads", paramLabel = "N", defaultValue = "16",
      description = "Hosts one task crawls at once (default: ${DEFAULT-VALUE}).")
  int hostThreads;

  @Option(names = "--warc-max-mb", paramLabel = "MB", defaultValue = "1024",
      description = "Size after which a task starts its next WARC file; a URL's records always "
          + "stay in one file (default: ${DEFAULT-VALUE}).")
  long warcMaxMb;

  @Mixin SparkOptions sparkOptions;

  @Override
  public Integer call() {
    CrawlSpec job = crawlSpec();
    try (SessionLease lease = SparkSessions.open("winnow crawl", sparkOptions.master(), Map.of())) {
      CrawlReport report = new CrawlJob(lease.session(), spec.commandLine().getErr()).run(job);
      spec.commandLine().getOut().print(CrawlSummary.render(report));
      spec.commandLine().getOut().flush();
    }
    return 0;
  }

  /** Validates the options before Spark starts, so usage errors come fast and exit with 2. */
  private CrawlSpec crawlSpec() {
    if (maxPages <= 0 || rounds <= 0 || maxDepth < 0 || hostThreads <= 0 || minDelayMs < 0
        || warcMaxMb <= 0 || warcMaxMb > Long.MAX_VALUE >> 20) {
      throw usage("--max-pages, --rounds, --host-threads and --warc-max-mb must be > 0, "
          + "--max-depth and --min-delay-ms >= 0");
    }
    List<String> urls = readSeeds();
    CrawlScope.Mode mode;
    try {
      mode = CrawlScope.Mode.parse(scope);
    } catch (IllegalArgumentException e) {
      throw usage("--scope: " + e.getMessage());
    }
    CrawlScope same = CrawlScope.sameDomainAs(urls);
    CrawlScope crawlScope;
    try {
      crawlScope = new CrawlScope(mode, same.domains(), patterns("--allow", allow),
          patterns("--deny", deny));
    } catch (IllegalArgumentException e) {
      throw usage(e.getMessage() + " (give --allow REGEX)");
    }
    CrawlConfig config = CrawlConfig.defaults().withAllowPrivate(allowPrivate)
        .withMinDelay(Duration.ofMillis(minDelayMs));
    return new CrawlSpec(urls, output, maxPages, maxDepth, rounds, crawlScope, config, hostThreads,
        warcMaxMb << 20);
  }

  private List<String> readSeeds() {
    List<String> lines;
    try {
      lines = Files.readAllLines(seeds, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw usage("--seeds: cannot read " + seeds + ": " + e.getMessage());
    }
    List<String> urls = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      if (UrlNormalizer.normalize(line).isEmpty()) {
        throw usage("--seeds: " + seeds + ":" + (i + 1) + ": not an http(s) URL with a host: "
            + line);
      }
      urls.add(line);
    }
    if (urls.isEmpty()) {
      throw usage("--seeds: " + seeds + " holds no URL");
    }
    return urls;
  }

  private List<Pattern> patterns(String option, List<String> regexes) {
    List<Pattern> out = new ArrayList<>();
    for (String r : regexes) {
      try {
        out.add(Pattern.compile(r));
      } catch (PatternSyntaxException e) {
        throw usage(option + ": bad regular expression '" + r + "': " + e.getDescription());
      }
    }
    return out;
  }

  private ParameterException usage(String message) {
    return new ParameterException(spec.commandLine(), message);
  }
}
