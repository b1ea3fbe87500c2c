package org.winnow.jobs.dedup;

/** Which document of a duplicate group is kept; ties always go to the smallest id. */
public enum KeepRule {
  /** The earliest {@code fetch_time}: the original, not the copy (the default). */
  EARLIEST,
  /** The latest {@code fetch_time}: the freshest capture. */
  LATEST
}
