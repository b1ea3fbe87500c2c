package org.winnow.jobs.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** Command-line parsing, help and exit codes; nothing here starts Spark. */
class WinnowCliTest {

  private record Result(int code, String out, String err) {}

  private static Result run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = WinnowCli.execute(args, new PrintWriter(out), new PrintWriter(err));
    return new Result(code, out.toString(), err.toString());
  }

  @Test
  void topLevelHelpListsTheCommandsAndExitCodes() {
    Result r = run("--help");
    assertEquals(0, r.code());
    assertTrue(r.out().contains("ingest") && r.out().contains("quickstart"), r.out());
    assertTrue(r.out().contains("Exit codes"), r.out());
  }

  @Test
  void ingestHelpDescribesEveryOption() {
    Result r = run("ingest", "--help");
    assertEquals(0, r.code());
    for (String opt : new String[] {"--input", "--output", "--source", "--target-file-mb",
        "--languages", "--max-record-mb", "--force", "--master"}) {
      assertTrue(r.out().contains(opt), opt + " missing from:\n" + r.out());
    }
  }

  @Test
  void quickstartHelpDescribesEveryOption() {
    Result r = run("quickstart", "--help");
    assertEquals(0, r.code());
    for (String opt : new String[] {"--workdir", "--docs", "--force", "--master"}) {
      assertTrue(r.out().contains(opt), opt + " missing from:\n" + r.out());
    }
  }

  @Test
  void helpCommandWorksToo() {
    Result r = run("help", "ingest");
    assertEquals(0, r.code());
    assertTrue(r.out().contains("--target-file-mb"), r.out());
  }

  @Test
  void versionNamesWinnowSparkAndJava() {
    Result r = run("--version");
    assertEquals(0, r.code());
    assertTrue(r.out().contains("winnow 0."), r.out());
    assertTrue(r.out().contains("Spark 4."), r.out());
    assertTrue(r.out().contains("Java "), r.out());
  }

  @Test
  void noCommandIsAUsageError() {
    Result r = run();
    assertEquals(WinnowCli.USAGE, r.code());
    assertTrue(r.err().contains("missing command"), r.err());
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "ingest --output /tmp/x",
      "ingest --input a.warc.gz",
      "ingest --input a.warc.gz --output o --target-file-mb 0",
      "ingest --input a.warc.gz --output o --max-record-mb -1",
      "ingest --input a.warc.gz --output o --languages english",
      "ingest --input a.warc.gz --output o --languages en",
      "ingest --input a.warc.gz --output o --bogus",
      "quickstart --docs 0",
      "filter --input d --output o --target-file-mb 128",
      "filter --input d --output o --rules does-not-exist.yaml",
      "signals --output o",
      "train-quality --input d --output m --eval-fraction 1.5",
      "frobnicate"})
  void badArgumentsExitWithTwo(String line) {
    Result r = run(line.split(" "));
    assertEquals(WinnowCli.USAGE, r.code(), r.err());
    assertTrue(!r.err().isBlank(), "a usage error says what was wrong");
  }

  /** Every registered command answers --help and documents each of its options. */
  @Test
  void everyCommandsHelpDescribesEveryOption() {
    CommandLine cli = new CommandLine(new WinnowCli());
    for (Map.Entry<String, CommandLine> c : cli.getSubcommands().entrySet()) {
      Result r = run(c.getKey(), "--help");
      assertEquals(0, r.code(), c.getKey() + ": " + r.err());
      for (OptionSpec o : c.getValue().getCommandSpec().options()) {
        assertTrue(r.out().contains(o.longestName()), c.getKey() + " --help lacks "
            + o.longestName() + ":\n" + r.out());
        assertTrue(o.description().length > 0 && !o.description()[0].isBlank(),
            c.getKey() + " " + o.longestName() + " has no description");
      }
    }
  }

  @Test
  void errorDescriptionKeepsFirstLinesOfEachCause() {
    Exception e = new IllegalStateException("ingest of file:/a.warc.gz failed",
        new RuntimeException("bad thing\n\tat somewhere"));
    assertEquals("ingest of file:/a.warc.gz failed: bad thing", ErrorReporter.describe(e));
  }
}
