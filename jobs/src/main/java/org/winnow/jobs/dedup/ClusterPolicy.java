package org.winnow.jobs.dedup;

/** What happens to a group of duplicates. */
public enum ClusterPolicy {
  /** Keep one document per group, chosen by the {@link KeepRule} (the default). */
  KEEP_ONE,
  /** Drop every member of a group of two or more. */
  DROP_ALL
}
