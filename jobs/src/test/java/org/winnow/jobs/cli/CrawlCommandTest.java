package org.winnow.jobs.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code winnow crawl}'s command line: help, and usage errors found before Spark starts. */
class CrawlCommandTest {
  @TempDir Path tmp;

  private record Result(int code, String out, String err) {}

  private static Result run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = WinnowCli.execute(args, new PrintWriter(out), new PrintWriter(err));
    return new Result(code, out.toString(), err.toString());
  }

  @Test
  void helpDescribesEveryOption() {
    Result r = run("crawl", "--help");
    assertEquals(0, r.code());
    for (String option : List.of("--seeds", "--output", "--max-pages", "--max-depth", "--rounds",
        "--scope", "--allow", "--deny", "--allow-private", "--min-delay-ms", "--master")) {
      assertTrue(r.out().contains(option), option + " in\n" + r.out());
    }
    assertTrue(run("--help").out().contains("crawl"));
  }

  @Test
  void badCommandLinesExitWithTwoAndSayWhy() throws IOException {
    Path seeds = tmp.resolve("seeds.txt");
    Files.writeString(seeds, "# seeds\nhttps://example.com/\n");
    Path bad = tmp.resolve("bad.txt");
    Files.writeString(bad, "https://example.com/\nmailto:someone@example.com\n");
    Path empty = tmp.resolve("empty.txt");
    Files.writeString(empty, "# nothing\n\n");
    String out = tmp.resolve("out").toString();
    List<List<String>> lines = List.of(
        List.of("crawl", "--output", out),
        List.of("crawl", "--seeds", tmp.resolve("missing.txt").toString(), "--output", out),
        List.of("crawl", "--seeds", bad.toString(), "--output", out),
        List.of("crawl", "--seeds", empty.toString(), "--output", out),
        List.of("crawl", "--seeds", seeds.toString(), "--output", out, "--scope", "world"),
        List.of("crawl", "--seeds", seeds.toString(), "--output", out, "--scope", "allowlist"),
        List.of("crawl", "--seeds", seeds.toString(), "--output", out, "--deny", "(unclosed"),
        List.of("crawl", "--seeds", seeds.toString(), "--output", out, "--max-pages", "0"));
    for (List<String> line : lines) {
      Result r = run(line.toArray(String[]::new));
      assertEquals(WinnowCli.USAGE, r.code(), line + ": " + r.err());
      assertTrue(!r.err().isBlank(), line + " says what was wrong");
    }
    assertTrue(run("crawl", "--seeds", bad.toString(), "--output", out).err()
        .contains("bad.txt:2"), "the bad seed's line is named");
  }
}
