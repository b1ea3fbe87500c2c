package org.winnow.filter.rules;

import java.util.OptionalDouble;

/**
 * Inclusive limits on a value. Inclusive bounds reproduce the published filters exactly: each
 * removes a document when a value is strictly below its minimum or strictly above its maximum.
 *
 * @param min  the smallest value kept, if any
 * @param max  the largest value kept, if any
 * @param skip true when the rule does not apply (e.g. word-length rules for scripts that UAX#29
 *             does not split into words)
 */
public record Bounds(OptionalDouble min, OptionalDouble max, boolean skip) {
  public static final Bounds NONE = new Bounds(OptionalDouble.empty(), OptionalDouble.empty(), false);

  public Bounds {
    if (min.isPresent() && max.isPresent() && min.getAsDouble() > max.getAsDouble()) {
      throw new IllegalArgumentException(
          "min " + min.getAsDouble() + " is above max " + max.getAsDouble());
    }
    if (min.isPresent() && Double.isNaN(min.getAsDouble())
        || max.isPresent() && Double.isNaN(max.getAsDouble())) {
      throw new IllegalArgumentException("bounds must be numbers, got NaN");
    }
  }

  /** Whether {@code value} is kept; a null ({@code NaN}) value always is. */
  public boolean keeps(double value) {
    if (skip || Double.isNaN(value)) {
      return true;
    }
    return !(min.isPresent() && value < min.getAsDouble())
        && !(max.isPresent() && value > max.getAsDouble());
  }

  /** Why {@code value} is not kept, e.g. "12 < min 50". */
  public String explain(double value) {
    if (min.isPresent() && value < min.getAsDouble()) {
      return format(value) + " < min " + format(min.getAsDouble());
    }
    if (max.isPresent() && value > max.getAsDouble()) {
      return format(value) + " > max " + format(max.getAsDouble());
    }
    return format(value) + " within bounds";
  }

  /** Four significant digits, no trailing zeros: "1.5", "0.1234", "100000". */
  static String format(double v) {
    if (Double.isNaN(v) || Double.isInfinite(v)) {
      return Double.toString(v);
    }
    return new java.math.BigDecimal(v).round(new java.math.MathContext(4))
        .stripTrailingZeros().toPlainString();
  }
}
