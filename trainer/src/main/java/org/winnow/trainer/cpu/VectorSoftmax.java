package org.winnow.trainer.cpu;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The passes of a softmax over one row on the JDK's Vector API, with {@link VectorExp}; the row's
 * tail, shorter than a vector, goes through {@link FastExp#exp} and gets the same bits. Only
 * loaded when the {@code jdk.incubator.vector} module is present.
 */
final class VectorSoftmax {
  private static final VectorSpecies<Float> S = VectorExp.S;
  private static final int VL = S.length();
  /** Vectors summed in float lanes before the lanes are added into double sums. */
  private static final int BLOCK = 64;

  private VectorSoftmax() {}

  /** The largest of {@code a[from, from + len)}; NaN if one of them is. */
  static float max(float[] a, int from, int len) {
    FloatVector m = FloatVector.broadcast(S, Float.NEGATIVE_INFINITY);
    int i = 0;
    for (; i + VL <= len; i += VL) {
      m = m.max(FloatVector.fromArray(S, a, from + i));
    }
    float max = Float.NEGATIVE_INFINITY;
    for (int l = 0; l < VL; l++) {
      max = Math.max(max, m.lane(l));
    }
    for (; i < len; i++) {
      max = Math.max(max, a[from + i]);
    }
    return max;
  }

  /**
   * The sum of {@code e^(a[i] - shift)} over {@code a[from, from + len)}: each lane sums at most
   * {@value #BLOCK} terms in float, then the lanes are added in lane order in double, so the
   * result depends on nothing but the inputs and the vector width.
   */
  static double sumExp(float[] a, int from, int len, float shift) {
    FloatVector s = FloatVector.broadcast(S, shift);
    double sum = 0;
    int i = 0;
    while (i + VL <= len) {
      FloatVector block = FloatVector.zero(S);
      for (int v = 0; v < BLOCK && i + VL <= len; v++, i += VL) {
        block = block.add(VectorExp.exp(FloatVector.fromArray(S, a, from + i).sub(s)));
      }
      for (int l = 0; l < VL; l++) {
        sum += block.lane(l);
      }
    }
    for (; i < len; i++) {
      sum += FastExp.exp(a[from + i] - shift);
    }
    return sum;
  }

  /** {@code a[i] = e^(a[i] - shift) * scale} over {@code a[from, from + len)}. */
  static void scaledExp(float[] a, int from, int len, float shift, float scale) {
    FloatVector s = FloatVector.broadcast(S, shift);
    int i = 0;
    for (; i + VL <= len; i += VL) {
      VectorExp.exp(FloatVector.fromArray(S, a, from + i).sub(s)).mul(scale).intoArray(a, from + i);
    }
    for (; i < len; i++) {
      a[from + i] = FastExp.exp(a[from + i] - shift) * scale;
    }
  }
}
