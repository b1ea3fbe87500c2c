package org.winnow.bench.extraction;

import net.dankito.readability4j.Article;
import net.dankito.readability4j.Readability4J;
import org.jsoup.Jsoup;
import org.winnow.ingest.html.ExtractionConfig;
import org.winnow.ingest.html.ExtractionTimeoutException;
import org.winnow.ingest.html.MainTextExtractor;

/** The extractors compared: ours, readability4j as the reference, jsoup's whole text as floor. */
enum Extractors {
  WINNOW("winnow MainTextExtractor") {
    private final MainTextExtractor extractor = new MainTextExtractor(ExtractionConfig.defaults());

    @Override
    String extract(String html, String url) throws ExtractionTimeoutException {
      return extractor.extract(html, url).text();
    }
  },
  READABILITY4J("readability4j 1.0.8") {
    @Override
    String extract(String html, String url) {
      Article article = new Readability4J(url, html).parse();
      return article.getTextContent();
    }
  },
  JSOUP_TEXT("jsoup parse + Document.text()") {
    @Override
    String extract(String html, String url) {
      return Jsoup.parse(html, url).text();
    }
  };

  private final String label;

  Extractors(String label) {
    this.label = label;
  }

  String label() {
    return label;
  }

  /** The main text of a page; null when the extractor finds none. */
  abstract String extract(String html, String url) throws Exception;
}
