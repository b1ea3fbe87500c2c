package org.winnow.bench.dedup;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;
import org.winnow.dedup.minhash.MatchingWords;
import org.winnow.ingest.html.ExtractionConfig;
import org.winnow.ingest.html.MainTextExtractor;
import org.winnow.jobs.quickstart.EuroparlDocument;
import org.winnow.jobs.quickstart.EuroparlReader;

/**
 * The near-duplicate ground truth: real base documents (Europarl excerpts, and the real pages of
 * {@code shared/data/extraction-dev} when present), variants of some of them made by known edits
 * (word insertions and deletions, paragraph reorder, boilerplate wrapped around, a changed number
 * or date), and the rest as unrelated documents. Every variant's true 5-gram Jaccard similarity
 * to its base is computed exactly from the shingle sets.
 */
final class NearDupCorpus {
  /** A document of the benchmark; {@code base} is its family (its own id for a base). */
  record Doc(String id, String base, String text, double jaccard) {}

  private static final String[] BOILERPLATE = {
    "Home | News | Plenary | Committees | Contact us",
    "This website uses cookies to give you the best experience. Accept all cookies",
    "Share this page on Facebook, Twitter and LinkedIn",
    "Copyright European Parliament. All rights reserved. Legal notice and privacy policy",
    "Related articles: agenda of the next sitting, press releases, video of the debate"
  };

  private NearDupCorpus() {}

  static List<String> bases(int europarl, Path extractionDev) throws IOException {
    List<String> out = new ArrayList<>();
    for (EuroparlDocument d : EuroparlReader.read(europarl)) {
      String text = String.join("\n\n", d.paragraphs());
      if (text.split("\\s+").length >= 80) {
        out.add(text);
      }
    }
    if (extractionDev != null && Files.isDirectory(extractionDev)) {
      MainTextExtractor ex = new MainTextExtractor(new ExtractionConfig(Duration.ofSeconds(5),
          ExtractionConfig.DEFAULT_MAX_INPUT_CHARS, ExtractionConfig.DEFAULT_MAX_OUTPUT_CHARS));
      try (Stream<Path> pages = Files.list(extractionDev)) {
        for (Path p : pages.sorted().toList()) {
          try {
            byte[] raw = Files.readAllBytes(p);
            if (p.getFileName().toString().endsWith(".gz")) {
              try (var in = new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(raw))) {
                raw = in.readAllBytes();
              }
            }
            String text = ex.extract(new String(raw, StandardCharsets.UTF_8), "http://x/").text();
            if (text.split("\\s+").length >= 80) {
              out.add(text);
            }
          } catch (Exception e) {
            System.err.println("skipping " + p.getFileName() + ": " + e.getMessage());
          }
        }
      }
    }
    return out;
  }

  /** Variants for the first {@code withVariants} bases, the rest unrelated. */
  static List<Doc> build(List<String> bases, int withVariants, int variantsEach, long seed) {
    Random r = new Random(seed);
    MatchingWords words = new MatchingWords();
    List<Doc> docs = new ArrayList<>();
    for (int b = 0; b < bases.size(); b++) {
      String id = "base" + b;
      docs.add(new Doc(id, id, bases.get(b), 1));
      if (b >= withVariants) {
        continue;
      }
      Set<String> baseShingles = shingles(words.of(bases.get(b)));
      for (int v = 0; v < variantsEach; v++) {
        String text = variant(bases.get(b), r);
        double j = jaccard(baseShingles, shingles(words.of(text)));
        docs.add(new Doc(id + "v" + v, id, text, j));
      }
    }
    return docs;
  }

  private static String variant(String base, Random r) {
    List<String> paras = new ArrayList<>(List.of(base.split("\n\n")));
    // Edit rate from 0 to 30% of words: spreads true Jaccard over the whole range.
    double rate = r.nextDouble() * r.nextDouble() * 0.3;
    List<String> edited = new ArrayList<>();
    for (String p : paras) {
      StringBuilder sb = new StringBuilder();
      for (String w : p.split(" ")) {
        double x = r.nextDouble();
        if (x < rate / 2) {
          continue; // deletion
        }
        sb.append(w).append(' ');
        if (x > 1 - rate / 2) {
          sb.append("inserted").append(r.nextInt(100_000)).append(' ');
        }
      }
      edited.add(sb.toString().strip());
    }
    if (r.nextInt(3) == 0) {
      Collections.shuffle(edited, r);
    }
    String text = String.join("\n\n", edited);
    if (r.nextInt(3) == 0) {
      text = text.replaceFirst("\\d+", String.valueOf(r.nextInt(10_000)));
      text = "Published on " + (1 + r.nextInt(28)) + " March " + (1990 + r.nextInt(30)) + "\n\n" + text;
    }
    if (r.nextInt(2) == 0) {
      text = BOILERPLATE[0] + "\n" + BOILERPLATE[1] + "\n\n" + text + "\n\n" + BOILERPLATE[2]
          + "\n" + BOILERPLATE[3] + "\n" + BOILERPLATE[4];
    }
    return text;
  }

  static Set<String> shingles(List<String> w) {
    Set<String> s = new HashSet<>();
    if (w.size() < 5) {
      s.add(String.join(" ", w));
      return s;
    }
    for (int i = 0; i + 5 <= w.size(); i++) {
      s.add(String.join(" ", w.subList(i, i + 5)));
    }
    return s;
  }

  static double jaccard(Set<String> a, Set<String> b) {
    int inter = 0;
    for (String s : a) {
      if (b.contains(s)) {
        inter++;
      }
    }
    int union = a.size() + b.size() - inter;
    return union == 0 ? 1 : (double) inter / union;
  }
}
