package org.winnow.trainer.cpu;

import jdk.incubator.vector.FloatVector;

/**
 * {@link Gelu}'s formulas on whole vectors, operation for operation (the same bits); each method
 * covers the whole vectors of {@code [from, to)} and returns where the scalar tail starts. Only
 * loaded when the {@code jdk.incubator.vector} module is present.
 */
final class VectorGelu {
  private static final int VL = VectorExp.S.length();

  private VectorGelu() {}

  static int forward(float[] out, float[] inp, int from, int to) {
    int i = from;
    for (; i + VL <= to; i += VL) {
      FloatVector x = FloatVector.fromArray(VectorExp.S, inp, i);
      FloatVector th = tanhArgument(x);
      x.mul(0.5f).mul(th.add(1f)).intoArray(out, i);
    }
    return i;
  }

  static int backward(float[] dinp, float[] inp, float[] dout, int from, int to) {
    int i = from;
    for (; i + VL <= to; i += VL) {
      FloatVector x = FloatVector.fromArray(VectorExp.S, inp, i);
      FloatVector th = tanhArgument(x);
      FloatVector sech2 = FloatVector.broadcast(VectorExp.S, 1f).sub(th.mul(th));
      FloatVector slope = x.mul(3f * Gelu.K).mul(x).add(1f);
      FloatVector grad = th.add(1f).mul(0.5f)
          .add(x.mul(0.5f).mul(sech2).mul(Gelu.S).mul(slope));
      grad.mul(FloatVector.fromArray(VectorExp.S, dout, i)).intoArray(dinp, i);
    }
    return i;
  }

  /** tanh(S (x + K x^3)). */
  private static FloatVector tanhArgument(FloatVector x) {
    FloatVector cube = x.mul(Gelu.K).mul(x).mul(x);
    return VectorExp.tanh(x.add(cube).mul(Gelu.S));
  }
}
