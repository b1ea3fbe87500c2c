package org.winnow.loader.shard;

import static org.apache.parquet.schema.LogicalTypeAnnotation.stringType;
import static org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName.BINARY;
import static org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName.INT32;
import static org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName.INT64;

import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.Types;

/**
 * The token-shard row as DESIGN.md fixes it, in the layout Spark writes: every column nullable and
 * {@code tokens} a standard three-level LIST, so that Spark, pyarrow and this loader read the same
 * files.
 */
public final class ShardSchema {
  public static final String DOC_ID = "doc_id";
  public static final String SOURCE = "source";
  public static final String TOKENS = "tokens";
  public static final String N_BYTES = "n_bytes";

  /** {@code optional group tokens (LIST) { repeated group list { optional int32 element; } }}. */
  public static final MessageType MESSAGE =
      Types.buildMessage()
          .optional(BINARY).as(stringType()).named(DOC_ID)
          .optional(BINARY).as(stringType()).named(SOURCE)
          .optionalList().optionalElement(INT32).named(TOKENS)
          .optional(INT64).named(N_BYTES)
          .named("spark_schema");

  private ShardSchema() {}
}
