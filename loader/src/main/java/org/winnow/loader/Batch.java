package org.winnow.loader;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.IntBuffer;
import java.util.Arrays;
import java.util.List;

/**
 * {@code batchSize} sequences of {@code seqLen + 1} tokens, row after row in one int buffer: row
 * {@code b}'s inputs are its first {@code seqLen} tokens and its targets the last {@code seqLen}
 * (the same row shifted by one), so one copy of {@link #tokens()} gives a device both. Each row
 * overlaps the next by one token: the last target of a row is the first input of the next row
 * drawn from the same dataset.
 *
 * <p>A batch returned by {@link TokenLoader#next()} is valid until the next call to {@code
 * next()} or {@code close()}; its buffer is then reused.
 */
public final class Batch {
  private final int batchSize;
  private final int seqLen;
  private final int[] heap;
  private final IntBuffer direct;
  private final boolean trackStarts;
  private final int[] components;
  private final int[] startIndex;
  private int[] starts;
  private int startCount;
  private long index;
  private LoaderSnapshot after;
  private List<LoaderWarning> warnings = List.of();

  Batch(int batchSize, int seqLen, boolean directBuffer, boolean trackStarts) {
    this.batchSize = batchSize;
    this.seqLen = seqLen;
    int n = Math.multiplyExact(batchSize, seqLen + 1);
    if (directBuffer) {
      this.heap = null;
      this.direct = ByteBuffer.allocateDirect(Math.multiplyExact(n, 4))
          .order(ByteOrder.nativeOrder()).asIntBuffer();
    } else {
      this.heap = new int[n];
      this.direct = null;
    }
    this.trackStarts = trackStarts;
    this.components = new int[batchSize];
    this.startIndex = new int[batchSize + 1];
    this.starts = new int[trackStarts ? batchSize * 4 : 0];
  }

  public int batchSize() {
    return batchSize;
  }

  public int seqLen() {
    return seqLen;
  }

  /** This rank's batch number, from 0. */
  public long index() {
    return index;
  }

  /**
   * All {@code batchSize * (seqLen + 1)} tokens, position 0 to limit; a direct buffer in native
   * byte order when the loader was built with direct buffers. A fresh view on each call.
   */
  public IntBuffer tokens() {
    return direct != null ? direct.duplicate() : IntBuffer.wrap(heap);
  }

  public boolean isDirect() {
    return direct != null;
  }

  /**
   * The backing array of a heap batch, row after row.
   *
   * @throws UnsupportedOperationException for a direct batch
   */
  public int[] array() {
    if (heap == null) {
      throw new UnsupportedOperationException("batch is in a direct buffer; use tokens()");
    }
    return heap;
  }

  public int input(int row, int t) {
    return get(position(row, t));
  }

  public int target(int row, int t) {
    return get(position(row, t) + 1);
  }

  /** Copies the inputs, {@code batchSize x seqLen} row-major, into {@code dst}. */
  public void inputs(int[] dst) {
    copyRows(dst, 0);
  }

  /** Copies the targets, {@code batchSize x seqLen} row-major, into {@code dst}. */
  public void targets(int[] dst) {
    copyRows(dst, 1);
  }

  /** The index, in the loader's dataset list, of the dataset row {@code row} was drawn from. */
  public int component(int row) {
    return components[row];
  }

  /**
   * Input positions of row {@code row} where a document begins, ascending; attention that must
   * not cross documents masks at these boundaries.
   *
   * @throws IllegalStateException when the loader was built without document starts
   */
  public int[] documentStarts(int row) {
    if (!trackStarts) {
      throw new IllegalStateException("document starts are off; build the loader with "
          + "documentStarts(true)");
    }
    return Arrays.copyOfRange(starts, startIndex[row], startIndex[row + 1]);
  }

  /** Shards left out while this batch was packed (also passed to the loader's warning sink). */
  public List<LoaderWarning> warnings() {
    return warnings;
  }

  private int position(int row, int t) {
    if (row < 0 || row >= batchSize || t < 0 || t >= seqLen) {
      throw new IndexOutOfBoundsException("row " + row + ", position " + t + " outside "
          + batchSize + " x " + seqLen);
    }
    return row * (seqLen + 1) + t;
  }

  private int get(int i) {
    return direct != null ? direct.get(i) : heap[i];
  }

  private void copyRows(int[] dst, int shift) {
    if (dst.length < batchSize * seqLen) {
      throw new IllegalArgumentException("destination holds " + dst.length + " ints, need "
          + batchSize * seqLen);
    }
    for (int r = 0; r < batchSize; r++) {
      int from = r * (seqLen + 1) + shift;
      if (direct != null) {
        direct.get(from, dst, r * seqLen, seqLen);
      } else {
        System.arraycopy(heap, from, dst, r * seqLen, seqLen);
      }
    }
  }

  void reset(long index) {
    this.index = index;
    this.startCount = 0;
    this.after = null;
    this.warnings = List.of();
  }

  void beginRow(int row, int component) {
    components[row] = component;
    startIndex[row] = startCount;
  }

  void addDocumentStart(int position) {
    if (!trackStarts) {
      return;
    }
    if (startCount == starts.length) {
      starts = Arrays.copyOf(starts, Math.max(16, starts.length * 2));
    }
    starts[startCount++] = position;
  }

  void put(int pos, int[] src, int off, int len) {
    if (direct != null) {
      direct.put(pos, src, off, len);
    } else {
      System.arraycopy(src, off, heap, pos, len);
    }
  }

  void set(int pos, int value) {
    if (direct != null) {
      direct.put(pos, value);
    } else {
      heap[pos] = value;
    }
  }

  void finish(LoaderSnapshot after, List<LoaderWarning> warnings) {
    startIndex[batchSize] = startCount;
    this.after = after;
    this.warnings = warnings;
  }

  LoaderSnapshot after() {
    return after;
  }
}
