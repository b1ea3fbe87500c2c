package org.winnow.jobs.decontam;

import java.util.List;
import org.winnow.core.ledger.Ledger;

/**
 * What a decontamination run did.
 *
 * @param output         the committed output directory
 * @param skipped        the output was already finished and nothing ran
 * @param ledger         the run's ledger
 * @param flagged        contaminated documents (kept and flagged, or removed)
 * @param overlap        per protected source, what overlaps it
 * @param indexBytes     size of the n-gram index
 * @param elapsedSeconds wall time
 */
public record DecontaminateReport(String output, boolean skipped, Ledger ledger, long flagged,
    List<SourceOverlap> overlap, long indexBytes, double elapsedSeconds) {
  public DecontaminateReport {
    overlap = List.copyOf(overlap);
  }
}
