package org.winnow.ingest.html;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Extraction quality on trafilatura's development pages ({@code shared/data/extraction-dev}, see
 * its SOURCES.md), scored as trafilatura's own evaluation scores it: per snippet, after collapsing
 * white space, a "with" snippet found in the text is a true positive and a missing one a false
 * negative, a "without" snippet found is a false positive; precision, recall and F from the counts
 * summed over all pages. Skipped where the data is not checked out.
 */
class ExtractionQualityTest {
  /** Measured 0.938 (P 0.943, R 0.933); a regression of two snippets fails. */
  private static final double MIN_F = 0.935;

  @Test
  void fScoreOnTheDevelopmentPages() throws ExtractionTimeoutException {
    Optional<Path> dir = DevPages.find();
    Assumptions.assumeTrue(dir.isPresent(),
        "extraction-dev data not found above " + Path.of("").toAbsolutePath()
            + " (expected shared/data/extraction-dev beside the repository); skipping");
    // Quality, not speed, is measured here: a loaded build machine must not turn a slow page into
    // a timeout and a failed build.
    MainTextExtractor extractor =
        new MainTextExtractor(ExtractionConfig.defaults().withTimeBudget(Duration.ofMinutes(1)));
    SnippetScore score = new SnippetScore();
    for (DevPages.Page page : DevPages.load(dir.get())) {
      score.add(page, extractor.extract(page.html(), page.url()).text());
    }
    System.out.println("extraction-dev: " + score);
    assertTrue(score.f() >= MIN_F,
        score + " below " + MIN_F + "; misses:\n" + String.join("\n", score.misses()));
  }
}
