package org.winnow.core.ledger;

import java.util.List;
import java.util.Objects;
import org.winnow.core.Document;

/** The result of one input record at one stage: kept (a document) or dropped (with a reason). */
public sealed interface Outcome permits Outcome.Kept, Outcome.Dropped {

  Fate fate();

  /** Kept, with the names of the modifications applied to its text (empty when unchanged). */
  record Kept(Document document, List<String> modifications) implements Outcome {
    public Kept {
      Objects.requireNonNull(document, "document");
      modifications = List.copyOf(modifications);
    }

    public Kept(Document document) {
      this(document, List.of());
    }

    @Override
    public Fate fate() {
      return Fate.KEPT;
    }
  }

  /**
   * Removed or rejected: one row of the stage's {@code _removed/} or {@code _rejected/} dataset.
   *
   * @param fate       {@link Fate#REMOVED} or {@link Fate#REJECTED}
   * @param stage      the stage that dropped it
   * @param reason     a stable, lower snake case reason code, the ledger's key
   * @param detail     a human-readable explanation (may be empty)
   * @param id         the document id, or empty when none could be computed
   * @param url        the URL, or empty when unknown
   * @param warcFile   lineage: the WARC file
   * @param warcOffset lineage: the record's offset in it
   * @param text       the text, kept optionally for inspection; empty when not kept
   */
  record Dropped(
      Fate fate,
      String stage,
      String reason,
      String detail,
      String id,
      String url,
      String warcFile,
      long warcOffset,
      String text)
      implements Outcome {
    public Dropped {
      if (fate == Fate.KEPT) {
        throw new IllegalArgumentException("a dropped record cannot have fate KEPT");
      }
      Objects.requireNonNull(fate, "fate");
      Objects.requireNonNull(stage, "stage");
      Objects.requireNonNull(reason, "reason");
      if (!reason.matches("[a-z][a-z0-9_]*")) {
        throw new IllegalArgumentException("reason codes are lower snake case, got '" + reason + "'");
      }
      detail = detail == null ? "" : detail;
      id = id == null ? "" : id;
      url = url == null ? "" : url;
      warcFile = warcFile == null ? "" : warcFile;
      text = text == null ? "" : text;
    }

    /** A bad-input reject at a WARC location. */
    public static Dropped rejected(
        String stage, String reason, String detail, String url, String warcFile, long offset) {
      return new Dropped(Fate.REJECTED, stage, reason, detail, "", url, warcFile, offset, "");
    }

    /** A removal of a valid document. */
    public static Dropped removed(String stage, String reason, String detail, Document d) {
      return new Dropped(
          Fate.REMOVED, stage, reason, detail, d.id(), d.url(), d.warcFile(), d.warcOffset(), "");
    }

    /** Where this record came from, as {@code warc_file:offset}. */
    public String location() {
      return warcFile + ":" + warcOffset;
    }
  }
}
