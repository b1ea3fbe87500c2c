package org.winnow.ingest.warc;

import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import org.netpreserve.jwarc.ParsingException;
import org.netpreserve.jwarc.WarcReader;
import org.netpreserve.jwarc.WarcRecord;
import org.winnow.core.ledger.Outcome;
import org.winnow.ingest.WarcIngester;

/**
 * The outcomes of one WARC or WET stream, read lazily, one record at a time: memory per record
 * is bounded by the payload limit whatever the file size. The stream is closed when the
 * outcomes are exhausted (or by {@link #close()}).
 *
 * <p>A stream that cannot be read to its end (cut inside a record or gzip member, a record header
 * that does not parse, a failing source) ends with exactly one rejected outcome, after the
 * outcomes of every record before the failure. Oddities jwarc tolerates (such as a bad record
 * trailer) are collected in {@link #warnings()}.
 */
public final class WarcOutcomes implements Iterator<Outcome>, Closeable {
  private static final int MAX_WARNINGS = 100;

  private final SourceStream source;
  private final String warcFile;
  private final RecordConverter converter;
  private final List<String> warnings = new ArrayList<>();
  private WarcReader reader;
  private Throwable openFailure;
  private Outcome next;
  private boolean done;

  public WarcOutcomes(InputStream in, String warcFile, RecordConverter converter) {
    this.source = new SourceStream(in);
    this.warcFile = warcFile;
    this.converter = converter;
  }

  @Override
  public boolean hasNext() {
    if (next == null && !done) {
      next = advance();
    }
    return next != null;
  }

  @Override
  public Outcome next() {
    if (!hasNext()) {
      throw new NoSuchElementException(warcFile + ": no more records");
    }
    Outcome o = next;
    next = null;
    return o;
  }

  /** What jwarc tolerated while reading, as {@code warc_file:offset: message} (the first 100). */
  public List<String> warnings() {
    return Collections.unmodifiableList(warnings);
  }

  @Override
  public void close() {
    done = true;
    next = null;
    try {
      if (reader != null) {
        reader.close();
      } else {
        source.close();
      }
    } catch (IOException e) {
      warn(warcFile + ": closing the input failed: " + e);
    }
  }

  private Outcome advance() {
    if (reader == null && !open()) {
      return end(fault(null, 0));
    }
    while (true) {
      Optional<WarcRecord> read;
      try {
        read = reader.next();
      } catch (IOException | RuntimeException e) {
        return end(fault(e, reader.position()));
      }
      if (read.isEmpty()) {
        close();
        return null;
      }
      WarcRecord record = read.get();
      long offset = reader.position();
      RecordBodyChannel block = new RecordBodyChannel(record.body());
      Outcome outcome;
      try {
        outcome = converter.convert(record, warcFile, offset, block);
        block.drain();
      } catch (WarcBodyException e) {
        return end(fault(e, offset));
      }
      if (outcome != null) {
        return outcome;
      }
    }
  }

  /** Opens the reader; false when the stream's first bytes are already unreadable content. */
  private boolean open() {
    try {
      reader = new WarcReader(source);
    } catch (IOException e) {
      if (e instanceof SourceReadException && source.bytesRead() == 0) {
        close();
        throw new UncheckedIOException(warcFile + ": cannot read: " + e.getCause(), e);
      }
      openFailure = e;
      return false;
    }
    reader.setLenient(true);
    reader.onWarning(w -> warn(warcFile + ":" + reader.position() + ": " + w));
    return true;
  }

  private Outcome.Dropped fault(Throwable e, long offset) {
    Throwable cause = e != null ? e : openFailure;
    IngestReason reason = classify(cause);
    String detail =
        warcFile + ":" + offset + ": " + describe(reason) + " (" + source.bytesRead()
            + " bytes read): " + cause;
    return Outcome.Dropped.rejected(WarcIngester.STAGE, reason.code(), detail, "", warcFile, offset);
  }

  /**
   * A failing source is a read error; an early end of input is a cut file, and so is a record
   * header that does not parse once the input has ended (a cut inside a trailer or a header
   * leaves a stub jwarc cannot parse); anything else is malformed data.
   */
  private IngestReason classify(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof SourceReadException) {
        return IngestReason.WARC_READ_ERROR;
      }
    }
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof EOFException || (t instanceof ParsingException && source.atEnd())) {
        return IngestReason.TRUNCATED_WARC;
      }
    }
    return IngestReason.MALFORMED_WARC;
  }

  private static String describe(IngestReason reason) {
    return switch (reason) {
      case TRUNCATED_WARC -> "the file ends inside a record; reading stopped";
      case WARC_READ_ERROR -> "the input failed; reading stopped";
      default -> "malformed WARC data; reading stopped";
    };
  }

  private Outcome end(Outcome last) {
    close();
    return last;
  }

  private void warn(String warning) {
    if (warnings.size() < MAX_WARNINGS) {
      warnings.add(warning);
    }
  }
}
