package org.winnow.jobs.decontam;

import java.io.Serial;
import java.util.Collections;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import org.winnow.dedup.decontam.Overlap;
import org.winnow.jobs.spark.Tally;

/**
 * What the decontaminate stage counts while it looks documents up: documents read, those over
 * the threshold, per protected source how many of those share shingles with it and how many
 * shingles, and the side files the tasks wrote.
 */
final class DecontaminationTally implements Tally<DecontaminationTally> {
  @Serial private static final long serialVersionUID = 1L;

  private long documents;
  private long contaminated;
  /** Per protected source: contaminated documents sharing shingles with it, and the shingles. */
  private final TreeMap<String, long[]> bySource = new TreeMap<>();
  private final TreeSet<String> sideFiles = new TreeSet<>();

  /** Counts one document and its overlap; {@code over} says whether it reached the threshold. */
  void add(Overlap overlap, boolean over) {
    documents++;
    if (!over) {
      return;
    }
    contaminated++;
    overlap.matchedBySource().forEach((source, n) -> {
      long[] c = bySource.computeIfAbsent(source, s -> new long[2]);
      c[0]++;
      c[1] += n;
    });
  }

  /** Records a side file a task finished, as {@code <side dir>/<file name>}. */
  void sideFile(String dir, String name) {
    sideFiles.add(dir + "/" + name);
  }

  @Override
  public void merge(DecontaminationTally other) {
    documents += other.documents;
    contaminated += other.contaminated;
    other.bySource.forEach((source, c) -> {
      long[] mine = bySource.computeIfAbsent(source, s -> new long[2]);
      mine[0] += c[0];
      mine[1] += c[1];
    });
    sideFiles.addAll(other.sideFiles);
  }

  @Override
  public boolean isEmpty() {
    return documents == 0 && sideFiles.isEmpty();
  }

  long documents() {
    return documents;
  }

  long contaminated() {
    return contaminated;
  }

  /** Per protected source in name order: {documents, shingles} of the contaminated documents. */
  Map<String, long[]> bySource() {
    return Collections.unmodifiableMap(bySource);
  }

  /** The side files written by tasks that succeeded, as {@code <side dir>/<file name>}. */
  SortedSet<String> sideFiles() {
    return Collections.unmodifiableSortedSet(sideFiles);
  }
}
