package org.winnow.loader.shard;

import java.util.ArrayList;
import java.util.List;
import org.apache.parquet.format.ConvertedType;
import org.apache.parquet.format.LogicalType;
import org.apache.parquet.format.SchemaElement;
import org.apache.parquet.format.TimeUnit;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Type;
import org.apache.parquet.schema.Types;

/**
 * A footer's flattened schema (thrift {@link SchemaElement}s, depth first) as a {@link
 * MessageType}. Parquet's own converter sits behind {@code ParquetMetadata}, whose first use
 * starts a JSON library; reading a shard should not wait for that.
 */
final class ThriftSchema {
  private final List<SchemaElement> elements;
  private int next;

  private ThriftSchema(List<SchemaElement> elements) {
    this.elements = elements;
  }

  /** @throws IllegalArgumentException when the elements do not form a schema */
  static MessageType toMessageType(List<SchemaElement> elements) {
    if (elements == null || elements.isEmpty()) {
      throw new IllegalArgumentException("footer has no schema");
    }
    ThriftSchema s = new ThriftSchema(elements);
    SchemaElement root = s.take();
    List<Type> fields = s.children(root);
    if (s.next != elements.size()) {
      throw new IllegalArgumentException("schema has " + (elements.size() - s.next)
          + " elements outside the tree");
    }
    return new MessageType(root.getName(), fields);
  }

  private SchemaElement take() {
    if (next >= elements.size()) {
      throw new IllegalArgumentException("schema ends inside a group");
    }
    return elements.get(next++);
  }

  private List<Type> children(SchemaElement group) {
    int n = group.isSetNum_children() ? group.getNum_children() : 0;
    if (n < 0 || n > elements.size()) {
      throw new IllegalArgumentException("group " + group.getName() + " claims " + n
          + " children");
    }
    List<Type> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      out.add(convert(take()));
    }
    return out;
  }

  private Type convert(SchemaElement e) {
    if (!e.isSetRepetition_type()) {
      throw new IllegalArgumentException("field " + e.getName() + " has no repetition");
    }
    Type.Repetition repetition = Type.Repetition.valueOf(e.getRepetition_type().name());
    LogicalTypeAnnotation annotation = annotation(e);
    if (!e.isSetType()) {
      return Types.buildGroup(repetition).as(annotation).addFields(children(e).toArray(new Type[0]))
          .named(e.getName());
    }
    PrimitiveTypeName primitive = e.getType() == org.apache.parquet.format.Type.BYTE_ARRAY
        ? PrimitiveTypeName.BINARY
        : PrimitiveTypeName.valueOf(e.getType().name());
    Types.PrimitiveBuilder<org.apache.parquet.schema.PrimitiveType> b =
        Types.primitive(primitive, repetition).as(annotation);
    if (primitive == PrimitiveTypeName.FIXED_LEN_BYTE_ARRAY) {
      b = b.length(e.getType_length());
    }
    return b.named(e.getName());
  }

  private static LogicalTypeAnnotation annotation(SchemaElement e) {
    if (e.isSetLogicalType()) {
      LogicalType t = e.getLogicalType();
      if (t.isSetSTRING()) {
        return LogicalTypeAnnotation.stringType();
      } else if (t.isSetINTEGER()) {
        return LogicalTypeAnnotation.intType(t.getINTEGER().getBitWidth(),
            t.getINTEGER().isIsSigned());
      } else if (t.isSetLIST()) {
        return LogicalTypeAnnotation.listType();
      } else if (t.isSetMAP()) {
        return LogicalTypeAnnotation.mapType();
      } else if (t.isSetENUM()) {
        return LogicalTypeAnnotation.enumType();
      } else if (t.isSetDECIMAL()) {
        return LogicalTypeAnnotation.decimalType(t.getDECIMAL().getScale(),
            t.getDECIMAL().getPrecision());
      } else if (t.isSetDATE()) {
        return LogicalTypeAnnotation.dateType();
      } else if (t.isSetTIME()) {
        return LogicalTypeAnnotation.timeType(t.getTIME().isIsAdjustedToUTC(),
            unit(t.getTIME().getUnit()));
      } else if (t.isSetTIMESTAMP()) {
        return LogicalTypeAnnotation.timestampType(t.getTIMESTAMP().isIsAdjustedToUTC(),
            unit(t.getTIMESTAMP().getUnit()));
      } else if (t.isSetJSON()) {
        return LogicalTypeAnnotation.jsonType();
      } else if (t.isSetBSON()) {
        return LogicalTypeAnnotation.bsonType();
      } else if (t.isSetUUID()) {
        return LogicalTypeAnnotation.uuidType();
      }
    }
    if (e.isSetConverted_type()) {
      return converted(e.getConverted_type(), e);
    }
    return null;
  }

  private static LogicalTypeAnnotation converted(ConvertedType c, SchemaElement e) {
    switch (c) {
      case UTF8:
        return LogicalTypeAnnotation.stringType();
      case MAP:
      case MAP_KEY_VALUE:
        return LogicalTypeAnnotation.mapType();
      case LIST:
        return LogicalTypeAnnotation.listType();
      case ENUM:
        return LogicalTypeAnnotation.enumType();
      case DECIMAL:
        return LogicalTypeAnnotation.decimalType(e.getScale(), e.getPrecision());
      case DATE:
        return LogicalTypeAnnotation.dateType();
      case TIME_MILLIS:
        return LogicalTypeAnnotation.timeType(true, LogicalTypeAnnotation.TimeUnit.MILLIS);
      case TIME_MICROS:
        return LogicalTypeAnnotation.timeType(true, LogicalTypeAnnotation.TimeUnit.MICROS);
      case TIMESTAMP_MILLIS:
        return LogicalTypeAnnotation.timestampType(true, LogicalTypeAnnotation.TimeUnit.MILLIS);
      case TIMESTAMP_MICROS:
        return LogicalTypeAnnotation.timestampType(true, LogicalTypeAnnotation.TimeUnit.MICROS);
      case INT_8:
        return LogicalTypeAnnotation.intType(8, true);
      case INT_16:
        return LogicalTypeAnnotation.intType(16, true);
      case INT_32:
        return LogicalTypeAnnotation.intType(32, true);
      case INT_64:
        return LogicalTypeAnnotation.intType(64, true);
      case UINT_8:
        return LogicalTypeAnnotation.intType(8, false);
      case UINT_16:
        return LogicalTypeAnnotation.intType(16, false);
      case UINT_32:
        return LogicalTypeAnnotation.intType(32, false);
      case UINT_64:
        return LogicalTypeAnnotation.intType(64, false);
      case JSON:
        return LogicalTypeAnnotation.jsonType();
      case BSON:
        return LogicalTypeAnnotation.bsonType();
      case INTERVAL:
        return LogicalTypeAnnotation.IntervalLogicalTypeAnnotation.getInstance();
      default:
        throw new IllegalArgumentException("unknown converted type " + c + " on " + e.getName());
    }
  }

  private static LogicalTypeAnnotation.TimeUnit unit(TimeUnit u) {
    if (u.isSetMILLIS()) {
      return LogicalTypeAnnotation.TimeUnit.MILLIS;
    }
    return u.isSetMICROS() ? LogicalTypeAnnotation.TimeUnit.MICROS
        : LogicalTypeAnnotation.TimeUnit.NANOS;
  }
}
