package org.winnow.core;

import java.time.Instant;
import java.util.Objects;

/**
 * One web document as it flows through the pipeline: the core columns that ingest writes.
 * Later stages add columns to the dataset; this record holds only what every stage may rely on.
 *
 * @param id          stable id, see {@link DocumentId}
 * @param url         the captured URL
 * @param domain      registered domain of the URL (public-suffix aware), or the host where none is known
 * @param source      dataset name the document came from
 * @param fetchTime   when the page was captured
 * @param lang        ISO 639-1 code of the detected language, or {@link #UNDETERMINED_LANG}
 * @param langScore   confidence of {@code lang}, 0..1
 * @param title       the page title, empty when the page has none
 * @param text        the main text, paragraphs separated by a blank line
 * @param warcFile    the WARC file the record was read from (lineage)
 * @param warcOffset  byte offset of the record in that file (lineage)
 * @param hiddenChars characters of hidden text (display:none, hidden, aria-hidden) dropped by extraction
 */
public record Document(
    String id,
    String url,
    String domain,
    String source,
    Instant fetchTime,
    String lang,
    double langScore,
    String title,
    String text,
    String warcFile,
    long warcOffset,
    int hiddenChars) {

  /** The BCP 47 code for "undetermined", used when no language could be identified. */
  public static final String UNDETERMINED_LANG = "und";

  public Document {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(url, "url");
    Objects.requireNonNull(domain, "domain");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(fetchTime, "fetchTime");
    Objects.requireNonNull(lang, "lang");
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(warcFile, "warcFile");
    if (langScore < 0 || langScore > 1 || Double.isNaN(langScore)) {
      throw new IllegalArgumentException("langScore must be in [0, 1], got " + langScore);
    }
    if (warcOffset < 0) {
      throw new IllegalArgumentException("warcOffset must be >= 0, got " + warcOffset);
    }
    if (hiddenChars < 0) {
      throw new IllegalArgumentException("hiddenChars must be >= 0, got " + hiddenChars);
    }
  }

  /** Where this document came from, as {@code warc_file:offset}, for error messages. */
  public String location() {
    return warcFile + ":" + warcOffset;
  }
}
