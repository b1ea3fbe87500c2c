package org.winnow.trainer.cpu;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link FastExp} on whole vectors of the JDK's Vector API, operation for operation, so a lane
 * gets the bits that the scalar function gives. Only loaded when the {@code jdk.incubator.vector}
 * module is present.
 */
final class VectorExp {
  static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;

  private VectorExp() {}

  /** Lane-wise {@link FastExp#exp}. */
  static FloatVector exp(FloatVector x) {
    FloatVector t = x.mul(FastExp.LOG2E).add(FastExp.ROUND);
    FloatVector k = t.sub(FastExp.ROUND);
    FloatVector r = x.sub(k.mul(FastExp.LN2_HI)).sub(k.mul(FastExp.LN2_LO));
    FloatVector p = FloatVector.broadcast(S, FastExp.P0);
    p = p.mul(r).add(FastExp.P1);
    p = p.mul(r).add(FastExp.P2);
    p = p.mul(r).add(FastExp.P3);
    p = p.mul(r).add(FastExp.P4);
    p = p.mul(r).add(FastExp.P5);
    p = p.mul(r.mul(r)).add(r).add(1f);
    IntVector twoK = ((IntVector) t.reinterpretAsInts())
        .sub(FastExp.ROUND_BITS - 127).lanewise(VectorOperators.LSHL, 23);
    FloatVector e = p.mul((FloatVector) twoK.reinterpretAsFloats());
    VectorMask<Float> under = x.compare(VectorOperators.LT, FastExp.MIN);
    VectorMask<Float> over = x.compare(VectorOperators.GT, FastExp.MAX);
    return e.blend(0f, under).blend(Float.POSITIVE_INFINITY, over);
  }

  /** Lane-wise {@link FastExp#tanh}. */
  static FloatVector tanh(FloatVector y) {
    return FloatVector.broadcast(S, 1f)
        .sub(FloatVector.broadcast(S, 2f).div(exp(y.mul(2f)).add(1f)));
  }
}
