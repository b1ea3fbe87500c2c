package org.winnow.core.schema;

import java.sql.Timestamp;
import java.util.List;
import org.winnow.core.Document;

/**
 * The document dataset's core columns, in order. Every stage reads and writes documents through
 * this definition so that a column is named and typed in exactly one place.
 */
public final class DocumentSchema {
  public static final Column ID = new Column("id", ColumnType.STRING, false);
  public static final Column URL = new Column("url", ColumnType.STRING, false);
  public static final Column DOMAIN = new Column("domain", ColumnType.STRING, false);
  public static final Column SOURCE = new Column("source", ColumnType.STRING, false);
  public static final Column FETCH_TIME = new Column("fetch_time", ColumnType.TIMESTAMP, false);
  public static final Column LANG = new Column("lang", ColumnType.STRING, false);
  public static final Column LANG_SCORE = new Column("lang_score", ColumnType.DOUBLE, false);
  public static final Column TITLE = new Column("title", ColumnType.STRING, false);
  public static final Column TEXT = new Column("text", ColumnType.STRING, false);
  public static final Column WARC_FILE = new Column("warc_file", ColumnType.STRING, false);
  public static final Column WARC_OFFSET = new Column("warc_offset", ColumnType.LONG, false);
  public static final Column HIDDEN_CHARS = new Column("hidden_chars", ColumnType.INT, false);

  /** The core columns in dataset order; {@link #values(Document)} follows the same order. */
  public static final List<Column> COLUMNS =
      List.of(ID, URL, DOMAIN, SOURCE, FETCH_TIME, LANG, LANG_SCORE, TITLE, TEXT, WARC_FILE,
          WARC_OFFSET, HIDDEN_CHARS);

  private DocumentSchema() {}

  /** The document's values in {@link #COLUMNS} order (timestamps as {@link Timestamp}). */
  public static Object[] values(Document d) {
    return new Object[] {
      d.id(), d.url(), d.domain(), d.source(), Timestamp.from(d.fetchTime()), d.lang(),
      d.langScore(), d.title(), d.text(), d.warcFile(), d.warcOffset(), d.hiddenChars()
    };
  }

  /** Rebuilds a document from values in {@link #COLUMNS} order, as {@link #values} wrote them. */
  public static Document fromValues(Object[] v) {
    if (v.length < COLUMNS.size()) {
      throw new IllegalArgumentException(
          "expected " + COLUMNS.size() + " document values, got " + v.length);
    }
    return new Document(
        (String) v[0], (String) v[1], (String) v[2], (String) v[3],
        ((Timestamp) v[4]).toInstant(), (String) v[5], ((Number) v[6]).doubleValue(),
        (String) v[7], (String) v[8], (String) v[9], ((Number) v[10]).longValue(),
        ((Number) v[11]).intValue());
  }
}
