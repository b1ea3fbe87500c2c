package org.winnow.core.schema;

/** The column types the document dataset uses; {@code jobs/} maps them to Spark SQL types. */
public enum ColumnType {
  STRING,
  INT,
  LONG,
  DOUBLE,
  TIMESTAMP
}
