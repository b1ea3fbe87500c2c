package org.winnow.loader;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.OptionalInt;
import org.winnow.loader.state.Segment;

/**
 * One rank's position in one dataset: the segment being read (its next document and the tokens
 * of it already given), the segments after it, and the default share of each later epoch. Pure
 * bookkeeping; no I/O.
 */
final class RankCursor {
  private final long documents;
  private final int rank;
  private final int worldSize;
  private final OptionalInt maxEpochs;
  private final ArrayDeque<Segment> queued;
  private int nextEpoch;
  private int epoch;
  private long doc;
  private long end;
  private long offset;

  RankCursor(long documents, int rank, int worldSize, OptionalInt maxEpochs,
      List<Segment> pending, int nextEpoch) {
    this.documents = documents;
    this.rank = rank;
    this.worldSize = worldSize;
    this.maxEpochs = maxEpochs;
    this.queued = new ArrayDeque<>(pending);
    this.nextEpoch = nextEpoch;
    this.doc = 0;
    this.end = 0;
  }

  /**
   * Moves to a document if the current segment is used up.
   *
   * @return false once every allowed epoch has been read
   */
  boolean ensure() {
    while (doc >= end) {
      Segment s = queued.poll();
      if (s == null) {
        if (maxEpochs.isPresent() && nextEpoch >= maxEpochs.getAsInt()) {
          return false;
        }
        long[] share = Segment.share(documents, rank, worldSize);
        s = share[1] > share[0] ? new Segment(nextEpoch, share[0], share[1], 0) : null;
        nextEpoch++;
        if (s == null) {
          continue;
        }
      }
      epoch = s.epoch();
      doc = s.start();
      end = s.end();
      offset = s.offset();
    }
    return true;
  }

  int epoch() {
    return epoch;
  }

  /** The current document's global index in its epoch. */
  long doc() {
    return doc;
  }

  /** Tokens of the current document already given. */
  long offset() {
    return offset;
  }

  void advance(long tokens) {
    offset += tokens;
  }

  void nextDoc() {
    doc++;
    offset = 0;
  }

  int nextEpoch() {
    return nextEpoch;
  }

  /** What is left, as the state records it. */
  List<Segment> pending() {
    List<Segment> out = new ArrayList<>(queued.size() + 1);
    if (doc < end) {
      out.add(new Segment(epoch, doc, end, offset));
    }
    out.addAll(queued);
    return out;
  }

  /**
   * The segments this cursor will read from here on, lazily and without end unless epochs are
   * limited; the current one first, from its current document.
   */
  Iterator<Segment> future() {
    List<Segment> now = pending();
    int startEpoch = nextEpoch;
    return new Iterator<>() {
      private int i;
      private int e = startEpoch;
      private Segment next = advance();

      private Segment advance() {
        if (i < now.size()) {
          return now.get(i++);
        }
        long[] share = Segment.share(documents, rank, worldSize);
        if (share[1] <= share[0]) {
          return null;
        }
        if (maxEpochs.isPresent() && e >= maxEpochs.getAsInt()) {
          return null;
        }
        return new Segment(e++, share[0], share[1], 0);
      }

      @Override
      public boolean hasNext() {
        return next != null;
      }

      @Override
      public Segment next() {
        if (next == null) {
          throw new NoSuchElementException();
        }
        Segment s = next;
        next = advance();
        return s;
      }
    };
  }
}
