package org.winnow.jobs.tokenize;

import java.io.Serializable;
import org.winnow.core.hash.StableHash;

/**
 * Where a document goes, as a pure function of its id: the held-out split when a salted hash
 * falls below the held-out fraction, and its place among the documents its task writes from a
 * seeded hash. The same id lands in the same split on every rerun and every data variant with the
 * same salt; the seed changes only the order, never the split.
 */
public final class DocumentPlacement implements Serializable {
  private static final long serialVersionUID = 1L;
  private static final double UNIT = 0x1.0p-53;

  private final String salt;
  private final double heldoutFraction;
  private final long seed;

  /**
   * @param salt mixed into the split hash, so that another salt draws another held-out set
   * @param heldoutFraction share of documents held out, in [0, 1)
   * @param seed mixed into the shuffle hash
   */
  public DocumentPlacement(String salt, double heldoutFraction, long seed) {
    if (!(heldoutFraction >= 0 && heldoutFraction < 1)) {
      throw new IllegalArgumentException("held-out fraction must be in [0, 1), got "
          + heldoutFraction);
    }
    this.salt = salt;
    this.heldoutFraction = heldoutFraction;
    this.seed = seed;
  }

  /** Whether {@code docId} belongs to the held-out split. */
  public boolean heldOut(String docId) {
    long h = StableHash.hash64("split\u0000" + salt + "\u0000" + docId);
    return (h >>> 11) * UNIT < heldoutFraction;
  }

  /**
   * The document's shuffle key: a task writes its documents of each split in the order of this
   * key, so that a shard is not in the order the documents were crawled in.
   */
  public long shuffleKey(String docId) {
    return StableHash.hash64("shuffle\u0000" + seed + "\u0000" + docId);
  }

  public String salt() {
    return salt;
  }

  public double heldoutFraction() {
    return heldoutFraction;
  }

  public long seed() {
    return seed;
  }
}
