package org.winnow.ingest.warc;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.winnow.core.Document;
import org.winnow.core.ledger.Outcome;
import org.winnow.ingest.WarcIngester;
import org.winnow.ingest.html.ExtractedPage;
import org.winnow.ingest.html.ExtractionTimeoutException;
import org.winnow.ingest.html.MainTextExtractor;
import org.winnow.ingest.http.BinarySniffer;
import org.winnow.ingest.http.DecodedText;
import org.winnow.ingest.http.PageKind;
import org.winnow.ingest.http.TextDecoder;
import org.winnow.ingest.lang.LanguageGuess;
import org.winnow.ingest.lang.LanguageIdentifier;
import org.winnow.ingest.url.RegisteredDomain;

/**
 * Turns a payload into a document: binary check, charset decoding, main-text extraction (HTML)
 * or newline normalisation (plain text), registered domain and language.
 */
final class PageConverter {
  private final String source;
  private final MainTextExtractor extractor;
  private final int maxHtmlChars;
  private final LanguageIdentifier languages;

  PageConverter(String source, MainTextExtractor extractor, int maxHtmlChars,
      LanguageIdentifier languages) {
    this.source = source;
    this.extractor = extractor;
    this.maxHtmlChars = maxHtmlChars;
    this.languages = languages;
  }

  Outcome convert(Capture capture, Payload payload) throws RecordDropException {
    Optional<String> domain = RegisteredDomain.of(capture.url());
    if (domain.isEmpty()) {
      throw new RecordDropException(
          IngestReason.INVALID_URL, capture.location() + ": no host in " + capture.url());
    }
    Optional<String> binary = BinarySniffer.check(payload.bytes());
    if (binary.isPresent()) {
      throw new RecordDropException(
          IngestReason.BINARY_CONTENT, capture.location() + ": " + binary.get());
    }
    EnumSet<IngestModification> mods = EnumSet.copyOf(payload.modifications());
    DecodedText decoded = TextDecoder.decode(payload.bytes(), payload.charset(), payload.kind());
    if (decoded.replaced() > 0) {
      mods.add(IngestModification.INVALID_BYTES_REPLACED);
    }
    if (decoded.declaredMismatch()) {
      mods.add(IngestModification.CHARSET_MISMATCH);
    }
    String title = "";
    String text;
    int hidden = 0;
    if (payload.kind() == PageKind.HTML) {
      if (decoded.text().length() > maxHtmlChars) {
        mods.add(IngestModification.HTML_TRUNCATED);
      }
      ExtractedPage page = extract(decoded.text(), capture);
      title = page.title();
      text = page.text();
      hidden = page.hiddenChars();
    } else {
      text = plain(decoded.text());
    }
    if (text.isBlank()) {
      return new Outcome.Dropped(
          IngestReason.NO_MAIN_TEXT.fate(), WarcIngester.STAGE, IngestReason.NO_MAIN_TEXT.code(),
          capture.location() + ": no main text in " + payload.bytes().length + " bytes of "
              + payload.kind().name().toLowerCase(Locale.ROOT),
          payload.id(), capture.url(), capture.warcFile(), capture.offset(), "");
    }
    LanguageGuess lang = languages.identify(text);
    Document d =
        new Document(
            payload.id(), capture.url(), domain.get(), source, capture.fetchTime(), lang.code(),
            lang.score(), title, text, capture.warcFile(), capture.offset(), hidden);
    List<String> names = new ArrayList<>(mods.size());
    for (IngestModification m : mods) {
      names.add(m.code());
    }
    return new Outcome.Kept(d, names);
  }

  private ExtractedPage extract(String html, Capture capture) throws RecordDropException {
    try {
      return extractor.extract(html, capture.url());
    } catch (ExtractionTimeoutException e) {
      throw new RecordDropException(
          IngestReason.EXTRACT_TIMEOUT, capture.location() + ": " + e.getMessage());
    } catch (RuntimeException | StackOverflowError e) {
      // The extractor is iterative, but a page must never take the stage down with it.
      throw new RecordDropException(
          IngestReason.EXTRACT_ERROR,
          capture.location() + ": extraction failed: " + e.getClass().getSimpleName() + ": "
              + e.getMessage());
    }
  }

  /** Plain text as a document: Unix newlines, no NULs, no surrounding blank space. */
  private static String plain(String text) {
    return text.replace("\r\n", "\n").replace('\r', '\n').replace("\u0000", "").strip();
  }
}
