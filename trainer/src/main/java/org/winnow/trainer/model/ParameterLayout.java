package org.winnow.trainer.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Where each parameter tensor lies in the one flat float array that holds them all (so the
 * optimizer, the gradient norm and checkpoints walk a single array). Matrices are stored
 * input-major ({@code [in][out]}, {@code y = x W}); the token embedding is {@code [vocab][C]} and
 * doubles as the output layer.
 */
public final class ParameterLayout {
  /** One named tensor: {@code [offset, offset + size)} in the flat array. */
  public record Tensor(String name, int offset, int size, boolean matrix) {}

  /** Offsets of one block's tensors. */
  public record Block(int ln1w, int ln1b, int qkvw, int qkvb, int attProjW, int attProjB,
      int ln2w, int ln2b, int fcW, int fcB, int fcProjW, int fcProjB) {}

  private final List<Tensor> tensors;
  private final int wte;
  private final int wpe;
  private final Block[] blocks;
  private final int lnfw;
  private final int lnfb;
  private final int size;

  private ParameterLayout(GptConfig c) {
    List<Tensor> t = new ArrayList<>();
    int v = c.paddedVocab();
    int e = c.nEmbd();
    int[] at = {0};
    wte = add(t, at, "wte", (long) v * e, true);
    wpe = add(t, at, "wpe", (long) c.context() * e, true);
    blocks = new Block[c.nLayer()];
    for (int l = 0; l < c.nLayer(); l++) {
      String p = "h" + l + ".";
      blocks[l] = new Block(
          add(t, at, p + "ln_1.weight", e, false),
          add(t, at, p + "ln_1.bias", e, false),
          add(t, at, p + "attn.c_attn.weight", 3L * e * e, true),
          add(t, at, p + "attn.c_attn.bias", 3L * e, false),
          add(t, at, p + "attn.c_proj.weight", (long) e * e, true),
          add(t, at, p + "attn.c_proj.bias", e, false),
          add(t, at, p + "ln_2.weight", e, false),
          add(t, at, p + "ln_2.bias", e, false),
          add(t, at, p + "mlp.c_fc.weight", 4L * e * e, true),
          add(t, at, p + "mlp.c_fc.bias", 4L * e, false),
          add(t, at, p + "mlp.c_proj.weight", 4L * e * e, true),
          add(t, at, p + "mlp.c_proj.bias", e, false));
    }
    lnfw = add(t, at, "ln_f.weight", e, false);
    lnfb = add(t, at, "ln_f.bias", e, false);
    tensors = Collections.unmodifiableList(t);
    size = at[0];
  }

  public static ParameterLayout of(GptConfig c) {
    return new ParameterLayout(c);
  }

  private static int add(List<Tensor> t, int[] at, String name, long size, boolean matrix) {
    long end = at[0] + size;
    if (end > Integer.MAX_VALUE - 16) {
      throw new IllegalArgumentException("model too large for one Java array: " + end
          + " parameters");
    }
    int off = at[0];
    t.add(new Tensor(name, off, (int) size, matrix));
    at[0] = (int) end;
    return off;
  }

  public List<Tensor> tensors() {
    return tensors;
  }

  public int size() {
    return size;
  }

  public int wte() {
    return wte;
  }

  public int wpe() {
    return wpe;
  }

  public Block block(int l) {
    return blocks[l];
  }

  public int lnfw() {
    return lnfw;
  }

  public int lnfb() {
    return lnfb;
  }
}
