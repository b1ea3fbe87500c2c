package org.winnow.ingest.html;

import java.util.List;
import java.util.Objects;
import org.jsoup.nodes.Document;
import org.jsoup.parser.Parser;

/**
 * Turns one HTML page into its title and main text, leaving out page furniture (menus, cookie
 * banners, share bars, related-link lists, comments) and hidden text.
 *
 * <p>Cost is linear in the page: jsoup parses it, one iterative walk flattens the body into
 * arrays ({@link PageModelBuilder}), and selection sweeps those arrays a few times
 * ({@link ContentSelector}). No step recurses, so nesting depth costs heap, not stack. The time
 * budget is checked while parsing and during every sweep.
 *
 * <p>Thread-safe: an instance holds only its configuration.
 */
public final class MainTextExtractor {
  private final ExtractionConfig config;

  public MainTextExtractor(ExtractionConfig config) {
    this.config = Objects.requireNonNull(config, "config");
  }

  /**
   * Extracts the title and main text of {@code html}.
   *
   * @param html the decoded page; at most {@link ExtractionConfig#maxInputChars()} of it is read
   * @param baseUri the page's URL, used to resolve relative links; may be empty
   * @throws ExtractionTimeoutException when the page needs more than the configured time budget
   */
  public ExtractedPage extract(String html, String baseUri) throws ExtractionTimeoutException {
    Objects.requireNonNull(html, "html");
    Deadline deadline = new Deadline(config.timeBudget());
    String stage = "parse";
    try {
      int length = Math.min(html.length(), config.maxInputChars());
      Document document = Parser.htmlParser()
          .parseInput(new DeadlineReader(html, length, deadline), baseUri == null ? "" : baseUri);
      stage = "segmentation";
      String title = PageTitle.of(document);
      PageModel page = PageModelBuilder.build(document.body(), baseUri, deadline);
      stage = "selection";
      List<TextBlock> kept = new ContentSelector(page, deadline).select();
      String text = TextAssembler.assemble(kept, config.maxOutputChars());
      return new ExtractedPage(title, text, page.hiddenChars);
    } catch (Deadline.Expired expired) {
      throw new ExtractionTimeoutException(config.timeBudget(), stage);
    }
  }
}
