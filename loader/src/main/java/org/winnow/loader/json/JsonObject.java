package org.winnow.loader.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reading and writing the loader's small JSON documents (manifest, loader state) with Jackson's
 * streaming parser. Jackson's object mapper would do the same in less code, but its first use
 * costs half a second of class loading, which a resuming trainer waits for.
 *
 * <p>{@link #read} walks one object: it calls the handler with each field name, the parser on the
 * value; the handler reads the value with the typed helpers here or returns false to have it
 * skipped (unknown keys are tolerated). Missing required keys are reported by {@link #require}.
 */
public final class JsonObject {
  private static final JsonFactory FACTORY = new JsonFactory();

  /** Reads one field's value; returns false when the field is not known. */
  @FunctionalInterface
  public interface FieldReader {
    boolean read(String name, JsonParser p) throws IOException;
  }

  /** Writes a document with a generator. */
  @FunctionalInterface
  public interface Body {
    void write(JsonGenerator g) throws IOException;
  }

  private JsonObject() {}

  /** A parser positioned on the first token of {@code json}. */
  public static JsonParser parser(byte[] json) throws IOException {
    JsonParser p = FACTORY.createParser(json);
    if (p.nextToken() == null) {
      throw new JsonFormatException("empty document");
    }
    return p;
  }

  /** Fails unless nothing but whitespace follows the document. */
  public static void end(JsonParser p) throws IOException {
    if (p.nextToken() != null) {
      throw new JsonFormatException("unexpected " + p.currentToken() + " after the document");
    }
  }

  /**
   * Reads the object the parser is on, field by field, and returns the names seen.
   *
   * @param what names the object in errors
   */
  public static Set<String> read(JsonParser p, String what, FieldReader fields)
      throws IOException {
    expect(p, JsonToken.START_OBJECT, what);
    Set<String> seen = new HashSet<>();
    while (p.nextToken() != JsonToken.END_OBJECT) {
      if (p.currentToken() != JsonToken.FIELD_NAME) {
        throw new JsonFormatException("expected a key in " + what + ", got "
            + p.currentToken());
      }
      String name = p.currentName();
      p.nextToken();
      try {
        if (fields.read(name, p)) {
          seen.add(name);
        } else {
          p.skipChildren();
        }
      } catch (JsonFormatException e) {
        throw e.in(name);
      } catch (IllegalArgumentException e) {
        throw new JsonFormatException(e.getMessage()).in(name);
      }
    }
    return seen;
  }

  /** Fails naming the first of {@code keys} missing from {@code seen}. */
  public static void require(Set<String> seen, String what, String... keys) {
    for (String k : keys) {
      if (!seen.contains(k)) {
        throw new JsonFormatException(what + " has no '" + k + "'");
      }
    }
  }

  public static long longValue(JsonParser p) throws IOException {
    if (p.currentToken() != JsonToken.VALUE_NUMBER_INT) {
      throw new JsonFormatException("expected an integer, got " + describe(p));
    }
    return p.getLongValue();
  }

  public static int intValue(JsonParser p) throws IOException {
    long v = longValue(p);
    if (v != (int) v) {
      throw new JsonFormatException("integer " + v + " is out of range");
    }
    return (int) v;
  }

  public static double doubleValue(JsonParser p) throws IOException {
    if (!p.currentToken().isNumeric()) {
      throw new JsonFormatException("expected a number, got " + describe(p));
    }
    return p.getDoubleValue();
  }

  public static boolean booleanValue(JsonParser p) throws IOException {
    if (!p.currentToken().isBoolean()) {
      throw new JsonFormatException("expected true or false, got " + describe(p));
    }
    return p.getBooleanValue();
  }

  public static String stringValue(JsonParser p) throws IOException {
    if (p.currentToken() != JsonToken.VALUE_STRING) {
      throw new JsonFormatException("expected a string, got " + describe(p));
    }
    return p.getText();
  }

  /** Reads an array, one element per call of {@code element} with the parser on it. */
  public static <T> List<T> list(JsonParser p, String what, Element<T> element)
      throws IOException {
    expect(p, JsonToken.START_ARRAY, what);
    List<T> out = new ArrayList<>();
    while (p.nextToken() != JsonToken.END_ARRAY) {
      try {
        out.add(element.read(p));
      } catch (JsonFormatException e) {
        throw e.in("[" + out.size() + "]");
      } catch (IllegalArgumentException e) {
        throw new JsonFormatException(e.getMessage()).in("[" + out.size() + "]");
      }
    }
    return out;
  }

  /** Reads an object as a map whose values {@code value} reads. */
  public static <T> Map<String, T> map(JsonParser p, String what, Element<T> value)
      throws IOException {
    Map<String, T> out = new LinkedHashMap<>();
    read(p, what, (name, q) -> {
      out.put(name, value.read(q));
      return true;
    });
    return out;
  }

  /** Reads one array element or map value. */
  @FunctionalInterface
  public interface Element<T> {
    T read(JsonParser p) throws IOException;
  }

  /** Any JSON value as maps, lists, strings, longs, doubles, booleans and null. */
  public static Object value(JsonParser p) throws IOException {
    switch (p.currentToken()) {
      case START_OBJECT:
        return map(p, "object", JsonObject::value);
      case START_ARRAY:
        return list(p, "array", JsonObject::value);
      case VALUE_STRING:
        return p.getText();
      case VALUE_NUMBER_INT:
        return p.getLongValue();
      case VALUE_NUMBER_FLOAT:
        return p.getDoubleValue();
      case VALUE_TRUE:
      case VALUE_FALSE:
        return p.getBooleanValue();
      case VALUE_NULL:
        return null;
      default:
        throw new JsonFormatException("unexpected " + p.currentToken());
    }
  }

  /** Writes a value of the kinds {@link #value} returns (numbers of any type). */
  public static void writeValue(JsonGenerator g, Object v) throws IOException {
    if (v == null) {
      g.writeNull();
    } else if (v instanceof Map) {
      g.writeStartObject();
      for (Map.Entry<?, ?> e : ((Map<?, ?>) v).entrySet()) {
        g.writeFieldName(String.valueOf(e.getKey()));
        writeValue(g, e.getValue());
      }
      g.writeEndObject();
    } else if (v instanceof List) {
      g.writeStartArray();
      for (Object x : (List<?>) v) {
        writeValue(g, x);
      }
      g.writeEndArray();
    } else if (v instanceof Long || v instanceof Integer || v instanceof Short
        || v instanceof Byte) {
      g.writeNumber(((Number) v).longValue());
    } else if (v instanceof Number) {
      g.writeNumber(((Number) v).doubleValue());
    } else if (v instanceof Boolean) {
      g.writeBoolean((Boolean) v);
    } else {
      g.writeString(v.toString());
    }
  }

  /** The document {@code body} writes, as UTF-8; indented when {@code pretty}. */
  public static byte[] write(boolean pretty, Body body) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (JsonGenerator g = FACTORY.createGenerator(out)) {
      if (pretty) {
        g.useDefaultPrettyPrinter();
      }
      body.write(g);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  private static void expect(JsonParser p, JsonToken token, String what) {
    if (p.currentToken() != token) {
      throw new JsonFormatException("expected " + what + " as " + (token == JsonToken.START_OBJECT
          ? "an object" : "an array") + ", got " + describe(p));
    }
  }

  private static String describe(JsonParser p) {
    JsonToken t = p.currentToken();
    return t == null ? "the end" : t.asString() != null ? t.asString() : t.name();
  }
}
