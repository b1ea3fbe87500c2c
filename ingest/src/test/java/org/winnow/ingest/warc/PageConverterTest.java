package org.winnow.ingest.warc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.winnow.core.ledger.Outcome;
import org.winnow.ingest.html.ExtractionConfig;
import org.winnow.ingest.html.MainTextExtractor;
import org.winnow.ingest.http.PageKind;
import org.winnow.ingest.lang.LanguageIdentifier;

class PageConverterTest {
  @Test
  void htmlLongerThanTheExtractorReadsIsCounted() throws Exception {
    ExtractionConfig extraction = new ExtractionConfig(
        ExtractionConfig.DEFAULT_TIME_BUDGET, 300, ExtractionConfig.DEFAULT_MAX_OUTPUT_CHARS);
    PageConverter pages = new PageConverter("src", new MainTextExtractor(extraction),
        extraction.maxInputChars(), new LanguageIdentifier(List.of("en", "de"), 100));
    Capture capture = new Capture("http://example.com/", Instant.EPOCH, Optional.empty(),
        "f.warc", 0);
    String html = WarcFixtures.page("Long", WarcFixtures.ENGLISH.repeat(5));
    Payload payload = new Payload(WarcFixtures.utf8(html), Optional.of("utf-8"), PageKind.HTML,
        "id", EnumSet.noneOf(IngestModification.class));
    Outcome o = pages.convert(capture, payload);
    Outcome.Kept k = assertInstanceOf(Outcome.Kept.class, o, o.toString());
    assertEquals(List.of("html_truncated"), k.modifications());
    assertTrue(k.document().text().length() < html.length());
  }
}
