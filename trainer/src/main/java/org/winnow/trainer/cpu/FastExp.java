package org.winnow.trainer.cpu;

/**
 * e^x in single precision, as Cephes' {@code expf} computes it: {@code x = k ln 2 + r} with
 * {@code |r| <= ln 2 / 2}, e^r by a degree-6 polynomial, 2^k written into the exponent bits.
 * Within 2 ulp of the exact value. {@link Math#exp} (double precision, about 10 ns a call) made the
 * softmax over a 50,304-wide vocabulary take 45% of a CPU training step; this takes a few
 * multiply-adds, and {@link VectorSoftmax} runs the same steps on whole vectors.
 *
 * <p>Every operation is a separately rounded float multiply or add, in the same order here and in
 * the vector kernel, so the two give bit-identical results (no fused multiply-add, which the JIT
 * may or may not use). Below {@link #MIN} it returns 0, above {@link #MAX} infinity (float's e^x
 * overflows at 88.72; the last 0.72 are given up so that 2^k never leaves the normal range), and
 * NaN stays NaN. {@link #tanh} is built on it, for the GELU.
 */
final class FastExp {
  /** Below this, e^x is under float's smallest normal number: the result is 0. */
  static final float MIN = -87.33654f;
  /** Above this, the result is infinity. */
  static final float MAX = 88.0f;
  static final float LOG2E = 1.44269504088896341f;
  /** ln 2 in two parts: {@code k * LN2_HI} is exact for the k that occur. */
  static final float LN2_HI = 0.693359375f;
  static final float LN2_LO = -2.12194440e-4f;
  /** 1.5 * 2^23: adding it rounds to an integer held in the low mantissa bits. */
  static final float ROUND = 12582912f;
  static final int ROUND_BITS = 0x4B400000;
  static final float P0 = 1.9875691500e-4f;
  static final float P1 = 1.3981999507e-3f;
  static final float P2 = 8.3334519073e-3f;
  static final float P3 = 4.1665795894e-2f;
  static final float P4 = 1.6666665459e-1f;
  static final float P5 = 5.0000001201e-1f;

  private FastExp() {}

  static float exp(float x) {
    if (x < MIN) {
      return 0f;
    }
    if (x > MAX) {
      return Float.POSITIVE_INFINITY;
    }
    float t = x * LOG2E + ROUND;
    float k = t - ROUND;
    float r = x - k * LN2_HI - k * LN2_LO;
    float p = P0;
    p = p * r + P1;
    p = p * r + P2;
    p = p * r + P3;
    p = p * r + P4;
    p = p * r + P5;
    p = p * (r * r) + r + 1f;
    int twoK = (Float.floatToRawIntBits(t) - ROUND_BITS + 127) << 23;
    return p * Float.intBitsToFloat(twoK);
  }

  /**
   * tanh(y) as {@code 1 - 2 / (e^2y + 1)}: within about 1e-7 of the exact value (absolute; near 0
   * the relative error grows, which the GELU, {@code x (1 + tanh) / 2}, does not see), exactly
   * ±1 far from 0. {@link StrictMath#tanh} took a tenth of a training step.
   */
  static float tanh(float y) {
    return 1f - 2f / (exp(2f * y) + 1f);
  }
}
