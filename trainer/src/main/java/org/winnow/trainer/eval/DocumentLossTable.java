package org.winnow.trainer.eval;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The per-document losses of one evaluation as a tab-separated file ({@code eval/step-N.tsv}):
 * a header {@code doc_id source tokens bytes nats}, then one row per document. The ids are what
 * lets two runs be compared on the same documents ({@link PairedComparison}).
 */
public final class DocumentLossTable {
  static final String HEADER = "doc_id\tsource\ttokens\tbytes\tnats";

  private DocumentLossTable() {}

  public static void write(Path file, List<DocumentLoss> docs) throws IOException {
    try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      w.write(HEADER + "\n");
      for (DocumentLoss d : docs) {
        w.write(field(d.docId()) + "\t" + field(d.source()) + "\t" + d.tokens() + "\t"
            + d.nBytes() + "\t" + String.format(Locale.ROOT, "%.6f", d.nats()) + "\n");
      }
    }
  }

  /** @throws IOException naming the file and line of a row that is not a document's loss */
  public static List<DocumentLoss> read(Path file) throws IOException {
    List<DocumentLoss> docs = new ArrayList<>();
    try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      String header = r.readLine();
      if (!HEADER.equals(header)) {
        throw new IOException(file + ": not a per-document loss table (expected the header \""
            + HEADER.replace('\t', ' ') + "\", found \"" + header + "\")");
      }
      String line;
      int number = 1;
      while ((line = r.readLine()) != null) {
        number++;
        if (!line.isEmpty()) {
          docs.add(parse(line, file, number));
        }
      }
    }
    return docs;
  }

  private static DocumentLoss parse(String line, Path file, int number) throws IOException {
    String[] f = line.split("\t", -1);
    try {
      if (f.length != 5) {
        throw new IllegalArgumentException(f.length + " fields, not 5");
      }
      DocumentLoss d = new DocumentLoss(f[0], f[1], Integer.parseInt(f[2]),
          Long.parseLong(f[3]), Double.parseDouble(f[4]));
      if (d.docId().isEmpty() || d.tokens() < 0 || d.nBytes() < 0 || !(d.nats() >= 0)
          || Double.isInfinite(d.nats())) {
        throw new IllegalArgumentException("an empty id, a negative count or a loss that is "
            + "not a finite non-negative number");
      }
      return d;
    } catch (IllegalArgumentException e) {
      throw new IOException(file + " line " + number + ": " + e.getMessage(), e);
    }
  }

  /** A TSV field: tabs and line breaks would break the row. */
  private static String field(String s) {
    return s.replace('\t', ' ').replace('\n', ' ').replace('\r', ' ');
  }
}
