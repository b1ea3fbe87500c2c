package org.winnow.jobs.dedup;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * What one dedup step made of its input.
 *
 * @param kept    the surviving documents, with every input column and the working columns
 * @param removed the removed documents as rows of the side dataset ({@code DroppedSchema})
 */
record StepResult(Dataset<Row> kept, Dataset<Row> removed) {}
