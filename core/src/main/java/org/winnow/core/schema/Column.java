package org.winnow.core.schema;

import java.util.Objects;

/** One column of a dataset: its name as written to Parquet, its type, and whether it may be null. */
public record Column(String name, ColumnType type, boolean nullable) {
  public Column {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
    if (!name.matches("[a-z][a-z0-9_]*")) {
      throw new IllegalArgumentException("column names are lower snake case, got '" + name + "'");
    }
  }
}
