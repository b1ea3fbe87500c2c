package org.winnow.bench.tokenizer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A training corpus of a chosen size from the Europarl sample and tinyshakespeare (shared data,
 * used when present, split into documents at blank lines): the first copy is the text as is,
 * every further copy misspells about one word in four (two letters swapped, one doubled or one
 * dropped, seeded by the copy number), so that the copies add new pre-tokens the way noisy web
 * text does instead of only raising counts.
 */
public final class TrainingCorpus {

  private TrainingCorpus() {}

  /** Documents totalling at least {@code targetBytes} bytes of UTF-8, and where they came from. */
  public static List<String> build(long targetBytes, StringBuilder description) {
    List<String> base = new ArrayList<>(EuroparlText.documents());
    description.append("Europarl sample (17,597 documents)");
    Path shakespeare = SharedData.file("tinylm/tinyshakespeare.txt");
    if (Files.isRegularFile(shakespeare)) {
      try {
        for (String part : Files.readString(shakespeare, StandardCharsets.UTF_8).split("\n\n")) {
          if (!part.isBlank()) {
            base.add(part + "\n\n");
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      description.append(" + tinyshakespeare");
    }
    long baseBytes = EuroparlText.utf8Bytes(base);
    List<String> corpus = new ArrayList<>(base);
    long bytes = baseBytes;
    int copy = 1;
    while (bytes < targetBytes) {
      Random random = new Random(copy);
      for (String doc : base) {
        String varied = misspell(doc, random);
        corpus.add(varied);
        bytes += varied.getBytes(StandardCharsets.UTF_8).length;
        if (bytes >= targetBytes) {
          break;
        }
      }
      copy++;
    }
    description.append(String.format(", %.1f MB as is and %d further copies with one word in four misspelt: %.1f MB",
        baseBytes / 1e6, copy - 1, bytes / 1e6));
    return corpus;
  }

  private static String misspell(String doc, Random random) {
    StringBuilder out = new StringBuilder(doc.length() + 16);
    int n = doc.length();
    int i = 0;
    while (i < n) {
      if (!Character.isLetter(doc.charAt(i))) {
        out.append(doc.charAt(i++));
        continue;
      }
      int end = i;
      while (end < n && Character.isLetter(doc.charAt(end))) {
        end++;
      }
      int len = end - i;
      if (len >= 3 && random.nextInt(4) == 0) {
        int at = i + 1 + random.nextInt(len - 2);
        switch (random.nextInt(3)) {
          case 0 -> out.append(doc, i, at).append(doc.charAt(at + 1)).append(doc.charAt(at)).append(doc, at + 2, end);
          case 1 -> out.append(doc, i, at + 1).append(doc.charAt(at)).append(doc, at + 1, end);
          default -> out.append(doc, i, at).append(doc, at + 1, end);
        }
      } else {
        out.append(doc, i, end);
      }
      i = end;
    }
    return out.toString();
  }
}
