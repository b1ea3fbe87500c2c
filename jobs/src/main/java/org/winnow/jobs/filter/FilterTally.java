package org.winnow.jobs.filter;

import java.io.Serial;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import org.winnow.core.ledger.Fate;
import org.winnow.core.ledger.Ledger;
import org.winnow.jobs.spark.Tally;
import org.winnow.jobs.spark.TallyAccumulator;

/**
 * What the filter stage counts while it judges documents: the ledger (fates by reason, kept
 * documents' modifications), how many documents each rule fails, PII matches per redactor,
 * characters line cleaning removed, and the side files ({@code _removed/}, {@code _rejected/})
 * the tasks wrote. One per task, merged on the driver by a {@link TallyAccumulator}.
 */
final class FilterTally implements Tally<FilterTally> {
  @Serial private static final long serialVersionUID = 1L;

  private final Ledger ledger;
  private final TreeMap<String, Long> failing = new TreeMap<>();
  private final TreeMap<String, Long> pii = new TreeMap<>();
  private long charsRemoved;
  private final TreeSet<String> sideFiles = new TreeSet<>();

  FilterTally(String stage) {
    this.ledger = new Ledger(stage);
  }

  /** Counts one kept document. */
  void kept(List<String> modifications, long cleanedChars, Map<String, Integer> matches) {
    ledger.count(Fate.KEPT, "", 1);
    for (String m : modifications) {
      ledger.countModified(m, 1);
    }
    charsRemoved += cleanedChars;
    matches.forEach((redactor, n) -> pii.merge(redactor, (long) n, Long::sum));
  }

  /** Counts one removed or rejected document and every rule it fails. */
  void dropped(Fate fate, String reason, List<String> failedRules) {
    ledger.count(fate, reason, 1);
    for (String rule : failedRules) {
      failing.merge(rule, 1L, Long::sum);
    }
  }

  /** Records a side file a task finished, as {@code <side dir>/<file name>}. */
  void sideFile(String dir, String name) {
    sideFiles.add(dir + "/" + name);
  }

  @Override
  public void merge(FilterTally other) {
    ledger.merge(other.ledger);
    other.failing.forEach((k, v) -> failing.merge(k, v, Long::sum));
    other.pii.forEach((k, v) -> pii.merge(k, v, Long::sum));
    charsRemoved += other.charsRemoved;
    sideFiles.addAll(other.sideFiles);
  }

  @Override
  public boolean isEmpty() {
    return ledger.in() == 0 && sideFiles.isEmpty();
  }

  Ledger ledger() {
    return ledger;
  }

  /** Per rule, in the order given: removed (first failing rule) and failing at all. */
  List<RuleCount> ruleCounts(List<String> rules) {
    List<RuleCount> counts = new ArrayList<>(rules.size());
    for (String rule : rules) {
      counts.add(new RuleCount(rule, ledger.removed().getOrDefault(rule, 0L),
          failing.getOrDefault(rule, 0L)));
    }
    return counts;
  }

  /** PII matches replaced, per redactor name, in name order. */
  Map<String, Long> piiMatches() {
    return Collections.unmodifiableMap(pii);
  }

  long charsRemoved() {
    return charsRemoved;
  }

  /** The side files written by tasks that succeeded, as {@code <side dir>/<file name>}. */
  SortedSet<String> sideFiles() {
    return Collections.unmodifiableSortedSet(sideFiles);
  }
}
