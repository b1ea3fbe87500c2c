package org.winnow.jobs.export;

import java.io.Closeable;
import java.io.IOException;

/** Receives a split's documents in shard order and writes them in some trainer's format. */
interface DocumentSink extends Closeable {
  /** Appends one document: {@code tokens[from, to)}, end-of-text included. */
  void document(int[] tokens, int from, int to) throws IOException;
}
