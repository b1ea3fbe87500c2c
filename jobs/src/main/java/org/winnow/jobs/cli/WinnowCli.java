package org.winnow.jobs.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.winnow.jobs.spark.CommonPool;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The {@code winnow} command line. Exit codes: 0 success, 1 failure, 2 usage error. Results go to
 * stdout; progress, warnings and errors to stderr.
 */
@Command(
    name = "winnow",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "Turns web crawls into pretraining data: WARC files in, Parquet documents out, "
        + "with a ledger of every record's fate.",
    subcommands = {
      CrawlCommand.class,
      IngestCommand.class,
      FilterCommand.class,
      SignalsCommand.class,
      TrainQualityCommand.class,
      DedupCommand.class,
      DecontaminateCommand.class,
      QuickstartCommand.class,
      InspectShardsCommand.class,
      LoaderBenchCommand.class,
      TokenizeCommand.class,
      TrainTokenizerCommand.class,
      ExportCommand.class,
      TrainCommand.class,
      EvalCommand.class,
      CompareCommand.class,
      CommandLine.HelpCommand.class
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:success", "1:failure (the error names what and where)", "2:usage error"})
public final class WinnowCli implements Callable<Integer> {
  /** Exit code of a failed command. */
  public static final int FAILURE = 1;
  /** Exit code of a command line that could not be understood. */
  public static final int USAGE = 2;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    throw new ParameterException(spec.commandLine(), "missing command: choose one of "
        + String.join(", ", spec.subcommands().keySet()));
  }

  public static void main(String[] args) {
    CommonPool.oneWorkerPerCore();
    int code = execute(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true));
    // Spark leaves non-daemon threads behind; the exit code is the command's answer.
    System.exit(code);
  }

  /** Runs one command line without exiting the JVM; returns its exit code. */
  public static int execute(String[] args, PrintWriter out, PrintWriter err) {
    CommandLine cli = new CommandLine(new WinnowCli())
        .setOut(out)
        .setErr(err)
        .setExecutionExceptionHandler(new ErrorReporter());
    int code = cli.execute(args);
    out.flush();
    err.flush();
    return code;
  }
}
