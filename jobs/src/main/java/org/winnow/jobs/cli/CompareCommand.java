package org.winnow.jobs.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.winnow.trainer.eval.DocumentLoss;
import org.winnow.trainer.eval.DocumentLossTable;
import org.winnow.trainer.eval.PairedComparison;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code winnow compare}: two runs' held-out losses, paired on the same documents. */
@Command(
    name = "compare",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    sortOptions = false,
    header = "Compare two runs' held-out losses on the documents both scored.",
    description = {
      "Each run is a per-document loss table (eval/step-N.tsv, written by winnow train and "
          + "winnow eval) or a run directory, whose latest table is used. Prints, per source "
          + "and pooled, both runs' bits/byte and their difference (candidate - baseline) with "
          + "a 95%% paired bootstrap interval over documents: negative means the candidate's "
          + "data did better.",
      "For a data ablation, evaluate both checkpoints on the same held-out shards "
          + "(winnow eval --data), so that every document is scored by both.",
      "The interval covers the choice of held-out documents, not the training run's own "
          + "noise (initialisation, data order): compare two seeds of the same data to see how "
          + "large that is, and give each arm as several seeds (A1,A2 B1,B2) to average it out."
    })
final class CompareCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "BASELINE", split = ",",
      description = "The baseline run, or several seeds of it separated by commas.")
  List<Path> baseline;

  @Parameters(index = "1", paramLabel = "CANDIDATE", split = ",",
      description = "The run compared with it, or several seeds of it.")
  List<Path> candidate;

  @Option(names = "--seed", paramLabel = "N", defaultValue = "0",
      description = "Seed of the bootstrap resampling (default: ${DEFAULT-VALUE}).")
  long seed;

  @Override
  public Integer call() throws IOException {
    PrintWriter o = spec.commandLine().getOut();
    List<List<DocumentLoss>> a = arm("baseline", baseline, o);
    List<List<DocumentLoss>> b = arm("candidate", candidate, o);
    PairedComparison.Result r = PairedComparison.compare(PairedComparison.meanOfRuns(a),
        PairedComparison.meanOfRuns(b), seed);
    o.print(r.table());
    o.flush();
    return 0;
  }

  /** Reads an arm's runs and says which tables they are and, for several, each one's loss. */
  private static List<List<DocumentLoss>> arm(String name, List<Path> runs, PrintWriter o)
      throws IOException {
    List<List<DocumentLoss>> tables = new ArrayList<>();
    for (Path run : runs) {
      Path t = table(run);
      o.printf("%-10s %s%n", name + ":", t);
      tables.add(DocumentLossTable.read(t));
    }
    if (tables.size() > 1) {
      List<String> bpb = new ArrayList<>();
      for (double x : PairedComparison.spread(tables)) {
        bpb.add(String.format(Locale.ROOT, "%.4f", x));
      }
      o.printf("%-10s %d runs averaged per document; each run alone: %s bits/byte on the "
          + "documents all of them scored%n", "", tables.size(), String.join(", ", bpb));
    }
    return tables;
  }

  /** The table itself, or a run directory's latest {@code eval/step-N.tsv}. */
  private static Path table(Path run) throws IOException {
    if (!Files.isDirectory(run)) {
      return run;
    }
    Path dir = run.resolve("eval");
    if (!Files.isDirectory(dir)) {
      throw new IOException(run + " holds no eval/ directory: it is not a run directory of "
          + "winnow train or winnow eval");
    }
    try (Stream<Path> files = Files.list(dir)) {
      // The step is zero-padded in the name, so the greatest name is the latest step.
      return files.filter(p -> p.getFileName().toString().matches("step-\\d+\\.tsv"))
          .max(Comparator.comparing(p -> p.getFileName().toString()))
          .orElseThrow(() -> new IOException(dir + " holds no step-N.tsv table"));
    }
  }
}
