package org.winnow.ingest.warc;

import java.util.Objects;

/**
 * A record cannot become a document, for a reason. Thrown by the decoding steps and turned into
 * an {@code Outcome.Dropped} in one place ({@link RecordConverter}); never leaves the stage.
 */
public final class RecordDropException extends Exception {
  private static final long serialVersionUID = 1L;

  private final IngestReason reason;

  public RecordDropException(IngestReason reason, String detail) {
    super(detail, null, false, false);
    this.reason = Objects.requireNonNull(reason, "reason");
  }

  public IngestReason reason() {
    return reason;
  }

  /** The human-readable explanation, without location. */
  public String detail() {
    return getMessage();
  }
}
