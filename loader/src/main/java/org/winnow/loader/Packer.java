package org.winnow.loader;

import java.util.ArrayList;
import java.util.List;

/**
 * Fills batches row by row: each row's dataset chosen by the mixture schedule from the global
 * sample index, its tokens taken from that dataset's stream. Runs on the packing thread only.
 */
final class Packer {
  private final ComponentStream[] streams;
  private final MixtureSchedule schedule;
  private final List<LoaderWarning> warnings;
  private final long[] counts;
  private long batches;
  private long samples;

  Packer(ComponentStream[] streams, MixtureSchedule schedule, List<LoaderWarning> warnings,
      long batches, long samples) {
    this.streams = streams;
    this.schedule = schedule;
    this.warnings = warnings;
    this.counts = new long[streams.length];
    this.batches = batches;
    this.samples = samples;
  }

  /** Packs the next batch into {@code b}; false when a dataset ran out of allowed epochs. */
  boolean fill(Batch b) throws InterruptedException {
    b.reset(batches);
    for (int row = 0; row < b.batchSize(); row++) {
      for (int c = 0; c < streams.length; c++) {
        counts[c] = streams[c].samples();
      }
      int c = schedule.choose(samples, counts);
      b.beginRow(row, c);
      if (!streams[c].fillRow(b, row)) {
        return false;
      }
      samples++;
    }
    batches++;
    List<LoaderWarning> drained = warnings.isEmpty() ? List.of() : new ArrayList<>(warnings);
    warnings.clear();
    b.finish(snapshot(), drained);
    return true;
  }

  LoaderSnapshot snapshot() {
    LoaderSnapshot.Component[] cs = new LoaderSnapshot.Component[streams.length];
    for (int i = 0; i < streams.length; i++) {
      cs[i] = streams[i].snapshot();
    }
    return new LoaderSnapshot(batches, samples, cs);
  }

  void close() {
    for (ComponentStream s : streams) {
      s.close();
    }
  }
}
