package org.winnow.filter.config;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A YAML value with the line it was written on, so that every configuration error can name its
 * line. Maps keep their keys in file order and remember which keys were read, so that unread
 * (unknown) keys can be reported.
 */
public abstract sealed class ConfigNode permits ConfigNode.MapNode, ConfigNode.ListNode,
    ConfigNode.Scalar {
  private final String source;
  private final int line;

  ConfigNode(String source, int line) {
    this.source = source;
    this.line = line;
  }

  public String source() {
    return source;
  }

  public int line() {
    return line;
  }

  /** An error at this node's line. */
  public FilterConfigException error(String message) {
    return new FilterConfigException(source, line, message);
  }

  public MapNode asMap(String what) {
    if (this instanceof MapNode m) {
      return m;
    }
    throw error(what + " must be a mapping of keys to values");
  }

  public ListNode asList(String what) {
    if (this instanceof ListNode l) {
      return l;
    }
    throw error(what + " must be a list");
  }

  public Scalar asScalar(String what) {
    if (this instanceof Scalar s) {
      return s;
    }
    throw error(what + " must be a single value");
  }

  /** A mapping; its entries are consumed with {@link #take} and checked with {@link #done}. */
  public static final class MapNode extends ConfigNode {
    private final LinkedHashMap<String, ConfigNode> entries = new LinkedHashMap<>();
    private final Map<String, Integer> keyLines = new LinkedHashMap<>();
    private final Set<String> taken = new TreeSet<>();

    MapNode(String source, int line) {
      super(source, line);
    }

    void put(String key, int keyLine, ConfigNode value) {
      if (entries.containsKey(key)) {
        throw new FilterConfigException(source(), keyLine, "duplicate key '" + key + "'");
      }
      entries.put(key, value);
      keyLines.put(key, keyLine);
    }

    /** The value of {@code key}, marking it read; null when absent. */
    public ConfigNode take(String key) {
      taken.add(key);
      return entries.get(key);
    }

    public boolean has(String key) {
      return entries.containsKey(key);
    }

    /** The keys in file order. */
    public List<String> keys() {
      return List.copyOf(entries.keySet());
    }

    /** The line of {@code key}. */
    public int lineOf(String key) {
      return keyLines.getOrDefault(key, line());
    }

    /**
     * Fails on any key that was never {@link #take taken}, naming it, its line and the keys
     * that are known, as Lucene's analysis factories do.
     */
    public void done(String where, Set<String> known) {
      List<String> unknown = new ArrayList<>();
      for (String k : entries.keySet()) {
        if (!taken.contains(k)) {
          unknown.add(k);
        }
      }
      if (!unknown.isEmpty()) {
        throw new FilterConfigException(source(), lineOf(unknown.get(0)),
            where + ": unknown parameter(s) '" + String.join("', '", unknown) + "' (known: "
                + String.join(", ", new TreeSet<>(known)) + ")");
      }
    }
  }

  /** A sequence. */
  public static final class ListNode extends ConfigNode {
    private final List<ConfigNode> items = new ArrayList<>();

    ListNode(String source, int line) {
      super(source, line);
    }

    void add(ConfigNode item) {
      items.add(item);
    }

    public List<ConfigNode> items() {
      return Collections.unmodifiableList(items);
    }
  }

  /** A single value: a string, number, boolean, or null. */
  public static final class Scalar extends ConfigNode {
    private final Object value;

    Scalar(String source, int line, Object value) {
      super(source, line);
      this.value = value;
    }

    public boolean isNull() {
      return value == null;
    }

    public String asString(String what) {
      if (value instanceof String s) {
        return s;
      }
      throw error(what + " must be a string, got " + value);
    }

    public double asDouble(String what) {
      if (value instanceof Number n) {
        return n.doubleValue();
      }
      throw error(what + " must be a number, got " + (value == null ? "null" : "'" + value + "'"));
    }

    public boolean asBoolean(String what) {
      if (value instanceof Boolean b) {
        return b;
      }
      throw error(what + " must be true or false, got " + value);
    }

    public int asInt(String what) {
      double d = asDouble(what);
      if (d != Math.rint(d) || d < Integer.MIN_VALUE || d > Integer.MAX_VALUE) {
        throw error(what + " must be a whole number, got " + d);
      }
      return (int) d;
    }
  }
}
