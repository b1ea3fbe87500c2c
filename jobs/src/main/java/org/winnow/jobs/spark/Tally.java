package org.winnow.jobs.spark;

import java.io.Serializable;

/**
 * What one task counted, merged into the job's count on the driver by a
 * {@link TallyAccumulator}.
 *
 * @param <T> the implementing type
 */
public interface Tally<T extends Tally<T>> extends Serializable {

  /** Adds {@code other}, a tally of the same job, into this one. */
  void merge(T other);

  /** Whether nothing was counted. */
  boolean isEmpty();
}
