package org.winnow.jobs.quickstart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.winnow.jobs.cli.WinnowCli;
import org.winnow.jobs.spark.SessionLease;
import org.winnow.jobs.testing.TestSpark;

/** The README's first command, small: every stage runs, and a second run skips them all. */
class QuickstartCommandTest {
  @TempDir static Path tmp;
  private static SessionLease lease;

  @BeforeAll
  static void start() {
    lease = TestSpark.start();
  }

  @AfterAll
  static void stop() {
    lease.close();
  }

  private static String[] run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = WinnowCli.execute(args, new PrintWriter(out), new PrintWriter(err));
    assertEquals(0, code, err.toString());
    return new String[] {out.toString(), err.toString()};
  }

  @Test
  void runsEveryStageThenReusesThem() {
    String work = tmp.resolve("work").toString();
    String[] first = run("quickstart", "--docs", "150", "--vocab-size", "600",
        "--train-tokens", "4096", "--workdir", work);
    String out = first[0];
    for (String stage : new String[] {"crawl:", "ingest: done", "filter: done", "dedup: done",
        "train-tokenizer: done", "tokenize: done", "held-out", "bits/byte"}) {
      assertTrue(out.contains(stage), stage + " missing from:\n" + out);
    }
    for (String dir : new String[] {"crawl/warc", "ingest", "filter", "dedup", "tokenizer",
        "shards/manifest.json", "train"}) {
      assertTrue(Files.exists(tmp.resolve("work").resolve(dir)), dir);
    }
    String again = run("quickstart", "--docs", "150", "--vocab-size", "600",
        "--train-tokens", "0", "--workdir", work)[0];
    assertTrue(again.contains("reusing the finished crawl"), again);
    for (String stage : new String[] {"ingest: skipped", "filter: skipped", "dedup: skipped",
        "train-tokenizer: skipped", "tokenize: skipped"}) {
      assertTrue(again.contains(stage), stage + " missing from:\n" + again);
    }
  }
}
