package org.winnow.loader.plan;

/**
 * One shuffle window of an epoch: the chunks it holds (slots, in plan order) and the permutation
 * of their documents. Document {@code o} of the window is local row {@code permuted(o)}, which
 * lies in slot {@code slotOf(local)} at row {@code local - slotStart(slot)}.
 */
public final class PlannedWindow {
  private final int epoch;
  private final int index;
  private final int[] chunks;
  private final int[] rowStart;
  private final int[] perm;

  PlannedWindow(int epoch, int index, int[] chunks, int[] rowStart, int[] perm) {
    this.epoch = epoch;
    this.index = index;
    this.chunks = chunks;
    this.rowStart = rowStart;
    this.perm = perm;
  }

  public int epoch() {
    return epoch;
  }

  public int index() {
    return index;
  }

  public int slots() {
    return chunks.length;
  }

  /** The chunk (index into the chunk table) in slot {@code s}. */
  public int chunk(int s) {
    return chunks[s];
  }

  public int rows() {
    return rowStart[chunks.length];
  }

  public int slotStart(int s) {
    return rowStart[s];
  }

  public int permuted(int o) {
    return perm[o];
  }

  /** The slot holding local row {@code local}. */
  public int slotOf(int local) {
    int lo = 0;
    int hi = chunks.length - 1;
    while (lo < hi) {
      int mid = (lo + hi + 1) >>> 1;
      if (rowStart[mid] <= local) {
        lo = mid;
      } else {
        hi = mid - 1;
      }
    }
    return lo;
  }
}
