package org.winnow.loader.shard;

import java.util.ArrayList;
import java.util.List;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.schema.GroupType;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Type;

/**
 * Where a shard file keeps each contract column, checked against the contract. Accepts the
 * three-level LIST that Spark and pyarrow write ({@code tokens.list.element}), the legacy two-level
 * form ({@code repeated int32 array} inside the list group) and a bare {@code repeated int32
 * tokens}; the element may be optional or required.
 */
public final class ShardLayout {
  private final MessageType fileSchema;
  private final ColumnDescriptor tokens;
  private final int slotDefinitionLevel;
  private final ColumnDescriptor docId;
  private final ColumnDescriptor source;
  private final ColumnDescriptor nBytes;

  private ShardLayout(MessageType fileSchema, ColumnDescriptor tokens, int slotDefinitionLevel,
      ColumnDescriptor docId, ColumnDescriptor source, ColumnDescriptor nBytes) {
    this.fileSchema = fileSchema;
    this.tokens = tokens;
    this.slotDefinitionLevel = slotDefinitionLevel;
    this.docId = docId;
    this.source = source;
    this.nBytes = nBytes;
  }

  /**
   * Checks {@code schema} against the contract.
   *
   * @throws ShardException naming {@code file} and the offending column
   */
  public static ShardLayout of(MessageType schema, String file) {
    ColumnDescriptor docId = scalar(schema, file, ShardSchema.DOC_ID, PrimitiveTypeName.BINARY);
    ColumnDescriptor source = scalar(schema, file, ShardSchema.SOURCE, PrimitiveTypeName.BINARY);
    ColumnDescriptor nBytes = scalar(schema, file, ShardSchema.N_BYTES, PrimitiveTypeName.INT64);
    if (!schema.containsField(ShardSchema.TOKENS)) {
      throw wrongSchema(file, "has no column '" + ShardSchema.TOKENS + "'", schema);
    }
    Type top = schema.getType(ShardSchema.TOKENS);
    List<String> path = new ArrayList<>();
    path.add(top.getName());
    int slotDef;
    PrimitiveType leaf;
    if (top.isPrimitive()) {
      if (!top.isRepetition(Type.Repetition.REPEATED)) {
        throw wrongSchema(file, "column 'tokens' is a single value, not a list", schema);
      }
      leaf = top.asPrimitiveType();
      slotDef = 1;
    } else {
      GroupType list = top.asGroupType();
      if (list.isRepetition(Type.Repetition.REPEATED) || list.getFieldCount() != 1
          || !list.getType(0).isRepetition(Type.Repetition.REPEATED)) {
        throw wrongSchema(file, "column 'tokens' is not a LIST of int32", schema);
      }
      Type repeated = list.getType(0);
      path.add(repeated.getName());
      slotDef = list.isRepetition(Type.Repetition.OPTIONAL) ? 2 : 1;
      if (repeated.isPrimitive()) {
        leaf = repeated.asPrimitiveType();
      } else {
        GroupType element = repeated.asGroupType();
        if (element.getFieldCount() != 1 || !element.getType(0).isPrimitive()
            || element.getType(0).isRepetition(Type.Repetition.REPEATED)) {
          throw wrongSchema(file, "column 'tokens' is not a LIST of int32", schema);
        }
        leaf = element.getType(0).asPrimitiveType();
        path.add(leaf.getName());
      }
    }
    LogicalTypeAnnotation annotation = leaf.getLogicalTypeAnnotation();
    boolean plainInt = annotation == null
        || (annotation instanceof LogicalTypeAnnotation.IntLogicalTypeAnnotation
            && ((LogicalTypeAnnotation.IntLogicalTypeAnnotation) annotation).getBitWidth() == 32);
    if (leaf.getPrimitiveTypeName() != PrimitiveTypeName.INT32 || !plainInt) {
      throw wrongSchema(file, "token elements are " + leaf + ", expected int32", schema);
    }
    ColumnDescriptor tokens = schema.getColumnDescription(path.toArray(new String[0]));
    if (tokens.getMaxRepetitionLevel() != 1) {
      throw wrongSchema(file, "column 'tokens' is nested more than one list deep", schema);
    }
    return new ShardLayout(schema, tokens, slotDef, docId, source, nBytes);
  }

  private static ColumnDescriptor scalar(MessageType schema, String file, String name,
      PrimitiveTypeName type) {
    if (!schema.containsField(name)) {
      throw wrongSchema(file, "has no column '" + name + "'", schema);
    }
    Type t = schema.getType(name);
    if (!t.isPrimitive() || t.isRepetition(Type.Repetition.REPEATED)
        || t.asPrimitiveType().getPrimitiveTypeName() != type) {
      throw wrongSchema(file, "column '" + name + "' is " + t + ", expected a single "
          + type.name().toLowerCase(java.util.Locale.ROOT), schema);
    }
    return schema.getColumnDescription(new String[] {name});
  }

  private static ShardException wrongSchema(String file, String what, MessageType schema) {
    return new ShardException(file, "wrong schema: " + what + "; file schema is "
        + schema.toString().replace('\n', ' ').replaceAll(" +", " "), null);
  }

  /** The leaf column holding the token values. */
  public ColumnDescriptor tokens() {
    return tokens;
  }

  /**
   * The definition level at which a list slot exists: below it the row's list is null or empty,
   * between it and the maximum the slot holds a null token.
   */
  public int slotDefinitionLevel() {
    return slotDefinitionLevel;
  }

  public ColumnDescriptor docId() {
    return docId;
  }

  public ColumnDescriptor source() {
    return source;
  }

  public ColumnDescriptor nBytes() {
    return nBytes;
  }

  /** The file's column at {@code path}. */
  public ColumnDescriptor column(String[] path) {
    return fileSchema.getColumnDescription(path);
  }

  /** The file's schema restricted to the top-level fields {@code names}, in file order. */
  public MessageType projection(List<String> names) {
    List<Type> fields = new ArrayList<>();
    for (Type field : fileSchema.getFields()) {
      if (names.contains(field.getName())) {
        fields.add(field);
      }
    }
    return new MessageType(fileSchema.getName(), fields);
  }
}
