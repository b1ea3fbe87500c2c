package org.winnow.loader.testing;

import java.nio.IntBuffer;
import java.util.ArrayList;
import java.util.List;
import org.winnow.loader.Batch;
import org.winnow.loader.TokenLoader;

/** Copies batches out of their reused buffers. */
public final class Batches {
  private Batches() {}

  /** The batch's rows of {@code seqLen + 1} tokens. */
  public static int[][] rows(Batch b) {
    IntBuffer all = b.tokens();
    int[][] rows = new int[b.batchSize()][b.seqLen() + 1];
    for (int r = 0; r < rows.length; r++) {
      all.get(r * (b.seqLen() + 1), rows[r], 0, b.seqLen() + 1);
    }
    return rows;
  }

  /** Up to {@code n} batches (fewer if the loader ends), copied. */
  public static List<int[][]> take(TokenLoader loader, int n) {
    List<int[][]> out = new ArrayList<>();
    while (out.size() < n && loader.hasNext()) {
      out.add(rows(loader.next()));
    }
    return out;
  }
}
