package org.winnow.ingest.html;

import java.io.Reader;

/**
 * Feeds a string to jsoup's parser and checks the deadline on every buffer the parser pulls, so
 * that parsing, the one step that is not our own loop, is also bounded in time.
 */
final class DeadlineReader extends Reader {
  private final String source;
  private final int end;
  private final Deadline deadline;
  private int position;

  DeadlineReader(String source, int end, Deadline deadline) {
    this.source = source;
    this.end = end;
    this.deadline = deadline;
  }

  @Override
  public int read(char[] buffer, int offset, int length) {
    deadline.check();
    if (position >= end) {
      return -1;
    }
    int n = Math.min(length, end - position);
    source.getChars(position, position + n, buffer, offset);
    position += n;
    return n;
  }

  @Override
  public void close() {
    // Nothing to release: the source is a string.
  }
}
