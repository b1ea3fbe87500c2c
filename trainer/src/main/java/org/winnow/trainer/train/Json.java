package org.winnow.trainer.train;

import java.util.Locale;

/** Builds one-line JSON objects for the run logs (numbers, strings and nested raw JSON). */
public final class Json {
  private final StringBuilder sb = new StringBuilder("{");

  public Json put(String key, String value) {
    key(key);
    quote(value);
    return this;
  }

  public Json put(String key, long value) {
    key(key);
    sb.append(value);
    return this;
  }

  /** A float written so that it reads back to the same bits (bitwise loss comparisons). */
  public Json put(String key, float value) {
    key(key);
    sb.append(Float.isFinite(value) ? Float.toString(value) : "null");
    return this;
  }

  public Json put(String key, double value) {
    key(key);
    if (Double.isFinite(value)) {
      sb.append(String.format(Locale.ROOT, "%.6g", value));
    } else {
      sb.append("null");
    }
    return this;
  }

  /** {@code raw} must already be JSON. */
  public Json putRaw(String key, String raw) {
    key(key);
    sb.append(raw);
    return this;
  }

  @Override
  public String toString() {
    return sb + "}";
  }

  private void key(String k) {
    if (sb.length() > 1) {
      sb.append(',');
    }
    quote(k);
    sb.append(':');
  }

  private void quote(String s) {
    sb.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '"' || c == '\\') {
        sb.append('\\').append(c);
      } else if (c < 0x20) {
        sb.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
      } else {
        sb.append(c);
      }
    }
    sb.append('"');
  }
}
