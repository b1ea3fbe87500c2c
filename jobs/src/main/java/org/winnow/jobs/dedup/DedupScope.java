package org.winnow.jobs.dedup;

/** Where duplicates are looked for. */
public enum DedupScope {
  /** Across the whole corpus (the default). */
  GLOBAL,
  /** Only within documents of the same {@code source}. */
  PER_SOURCE
}
