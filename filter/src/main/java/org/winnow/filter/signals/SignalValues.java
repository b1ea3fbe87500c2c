package org.winnow.filter.signals;

import java.util.Arrays;
import org.winnow.core.schema.ColumnType;

/**
 * The values of {@link SignalSchema#SIGNALS} for one document. Numeric values are held as
 * doubles ({@code NaN} means null: a ratio over zero words has no value); the one string signal
 * is held apart. Mutable and reused by a pipeline; copy it ({@link #copy()}) to keep it.
 */
public final class SignalValues {
  private final double[] values = new double[SignalSchema.SIGNALS.size()];
  private String dominantScript;

  public SignalValues() {
    clear();
  }

  /** Resets every value to null. */
  public void clear() {
    Arrays.fill(values, Double.NaN);
    dominantScript = null;
  }

  public void set(Signal signal, double value) {
    if (signal.column().type() == ColumnType.STRING) {
      throw new IllegalArgumentException(signal.name() + " is a string signal");
    }
    values[signal.index()] = value;
  }

  /** Sets {@code numerator / denominator}, or null when the denominator is zero. */
  public void setRatio(Signal signal, double numerator, double denominator) {
    set(signal, denominator == 0 ? Double.NaN : numerator / denominator);
  }

  public void setDominantScript(String script) {
    this.dominantScript = script;
  }

  /** The value, or {@code NaN} when it is null. */
  public double get(Signal signal) {
    if (signal.column().type() == ColumnType.STRING) {
      throw new IllegalArgumentException(signal.name() + " is a string signal");
    }
    return values[signal.index()];
  }

  public boolean isNull(Signal signal) {
    return signal == SignalSchema.DOMINANT_SCRIPT
        ? dominantScript == null
        : Double.isNaN(values[signal.index()]);
  }

  /** The dominant script, or null when the text has no letters. */
  public String dominantScript() {
    return dominantScript;
  }

  /**
   * The values in {@link SignalSchema#COLUMNS} order as boxed Java values for a dataset row:
   * {@link Integer} for INT, {@link Double} for DOUBLE, {@link String} for STRING, null for
   * null.
   */
  public Object[] toRow() {
    Object[] row = new Object[values.length];
    for (Signal s : SignalSchema.SIGNALS) {
      row[s.index()] = switch (s.column().type()) {
        case STRING -> dominantScript;
        case INT -> Double.isNaN(values[s.index()]) ? null : (int) values[s.index()];
        case DOUBLE -> Double.isNaN(values[s.index()]) ? null : values[s.index()];
        default -> throw new IllegalStateException("no signal has type " + s.column().type());
      };
    }
    return row;
  }

  public SignalValues copy() {
    SignalValues c = new SignalValues();
    System.arraycopy(values, 0, c.values, 0, values.length);
    c.dominantScript = dominantScript;
    return c;
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder("{");
    Object[] row = toRow();
    for (Signal s : SignalSchema.SIGNALS) {
      sb.append(s.index() == 0 ? "" : ", ").append(s.name()).append('=').append(row[s.index()]);
    }
    return sb.append('}').toString();
  }
}
