package org.winnow.jobs.tokenize;

import java.io.Serializable;
import java.util.Optional;

/**
 * Whether a train document overlaps the held-out split, as {@link HeldoutDecontamination#prepare}
 * built it on the driver. The job broadcasts it and every task thread calls it, so it must be
 * thread-safe.
 */
public interface ContaminationTest extends Serializable {
  /**
   * @param text a train document's text
   * @return what it shares with the held-out split, for the {@code _removed/} row's detail, or
   *     empty where it is clean
   */
  Optional<String> overlap(String text);
}
