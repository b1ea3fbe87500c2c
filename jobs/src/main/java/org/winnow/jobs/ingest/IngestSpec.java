package org.winnow.jobs.ingest;

import java.util.List;
import java.util.Objects;
import org.winnow.ingest.IngestConfig;

/**
 * What one ingest run reads, writes and how.
 *
 * @param inputs          paths, globs or directories (Hadoop URIs or local paths)
 * @param output          the output directory (Hadoop URI or local path)
 * @param config          the ingest library's settings, shipped to every task
 * @param targetFileBytes the size the kept documents' Parquet files aim at (estimated from text)
 * @param force           redo a finished output, or replace a directory that is not one
 */
public record IngestSpec(
    List<String> inputs, String output, IngestConfig config, long targetFileBytes, boolean force) {
  public IngestSpec {
    inputs = List.copyOf(inputs);
    Objects.requireNonNull(output, "output");
    Objects.requireNonNull(config, "config");
    if (inputs.isEmpty()) {
      throw new IllegalArgumentException("at least one input is required");
    }
    if (targetFileBytes <= 0) {
      throw new IllegalArgumentException("targetFileBytes must be > 0, got " + targetFileBytes);
    }
  }
}
