package org.winnow.filter.signals;

import java.util.Objects;
import org.winnow.core.schema.Column;

/**
 * One quality signal: a typed dataset column, the family that computes it, what it measures,
 * and its position in {@link SignalValues}. Instances live only in {@link SignalSchema}.
 *
 * @param column      the column as written to Parquet (signals are nullable: a ratio over zero
 *                    lines or words has no value)
 * @param family      the {@code NAME} of the family that computes it
 * @param description what it measures, and the published definition it follows
 * @param index       its position in {@link SignalSchema#SIGNALS} and in {@link SignalValues}
 */
public record Signal(Column column, String family, String description, int index) {
  public Signal {
    Objects.requireNonNull(column, "column");
    Objects.requireNonNull(family, "family");
    if (description == null || description.isBlank()) {
      throw new IllegalArgumentException("signal " + column.name() + " needs a description");
    }
    if (!column.nullable()) {
      throw new IllegalArgumentException("signal columns are nullable, " + column.name() + " is not");
    }
  }

  /** The column name, which is also the name rules refer to. */
  public String name() {
    return column.name();
  }
}
