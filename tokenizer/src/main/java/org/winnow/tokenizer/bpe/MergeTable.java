package org.winnow.tokenizer.bpe;

import java.util.Arrays;

/**
 * The merge rules: a pair of adjacent token ids to the priority of merging them (lower merges
 * first) and the id they merge into. Each rule is one long in an open-addressing table, the pair
 * in the high bits and the priority in the low ones, so a probe is a single load: the table is
 * probed a dozen times per merged piece and its misses dominate encoding time. The merged id is
 * the priority itself for tiktoken ranks and comes from a side array for merge lists.
 */
public final class MergeTable {

  /** What {@link #priority} returns for a pair that does not merge. */
  public static final int NONE = Integer.MAX_VALUE;

  /** The largest supported vocabulary, so that two ids and a priority fit in a long. */
  public static final int MAX_IDS = 1 << 21;

  private static final long EMPTY = -1L;

  private final int idBits;
  private final int priorityBits;
  private final long priorityMask;
  private final boolean resultIsPriority;
  private int[] results;
  private long[] slots;
  private int mask;
  private int shift;
  private int size;

  /**
   * An empty table.
   *
   * @param idLimit one more than the largest id a rule mentions, at most {@link #MAX_IDS}
   * @param expected about how many rules will be added
   * @param resultIsPriority whether every rule merges into the id equal to its priority (tiktoken
   *     ranks), which saves the side array
   */
  public MergeTable(int idLimit, int expected, boolean resultIsPriority) {
    if (idLimit < 1 || idLimit > MAX_IDS) {
      throw new IllegalArgumentException("vocabulary of " + idLimit + " ids; at most " + MAX_IDS + " are supported");
    }
    this.idBits = Math.max(1, 32 - Integer.numberOfLeadingZeros(idLimit - 1));
    this.priorityBits = 64 - 2 * idBits;
    this.priorityMask = (1L << priorityBits) - 1;
    this.resultIsPriority = resultIsPriority;
    this.results = resultIsPriority ? null : new int[Math.max(16, expected)];
    allocate(Integer.highestOneBit(Math.max(16, expected) * 2 - 1) * 2);
  }

  private void allocate(int count) {
    slots = new long[count];
    Arrays.fill(slots, EMPTY);
    mask = count - 1;
    shift = 64 - Integer.numberOfTrailingZeros(count);
  }

  /**
   * Sets the rule for {@code (left, right)}, replacing an earlier one, as a later duplicate line
   * of a merge list does in Hugging Face tokenizers.
   */
  public void put(int left, int right, int priority, int result) {
    if (left < 0 || right < 0 || result < 0 || (left | right) >>> idBits != 0) {
      throw new IllegalArgumentException("id out of range in merge " + left + " + " + right + " -> " + result);
    }
    if (priority < 0 || priority >= priorityMask || priority == NONE) {
      throw new IllegalArgumentException("merge priority " + priority + " out of range");
    }
    if (resultIsPriority) {
      if (result != priority) {
        throw new IllegalArgumentException("merge " + left + " + " + right + " -> " + result + " at priority " + priority);
      }
    } else {
      if (priority >= results.length) {
        results = Arrays.copyOf(results, Math.max(priority + 1, results.length * 2));
      }
      results[priority] = result;
    }
    if ((size + 1) * 2L > slots.length) {
      grow();
    }
    insert(key(left, right), priority);
  }

  private void insert(long key, int priority) {
    int slot = slot(key);
    long entry;
    while ((entry = slots[slot]) != EMPTY) {
      if (entry >>> priorityBits == key) {
        slots[slot] = (key << priorityBits) | priority;
        return;
      }
      slot = (slot + 1) & mask;
    }
    slots[slot] = (key << priorityBits) | priority;
    size++;
  }

  private void grow() {
    long[] old = slots;
    allocate(old.length * 2);
    size = 0;
    for (long entry : old) {
      if (entry != EMPTY) {
        insert(entry >>> priorityBits, (int) (entry & priorityMask));
      }
    }
  }

  /** The priority of merging {@code (left, right)}, or {@link #NONE}. */
  public int priority(int left, int right) {
    long key = key(left, right);
    long[] t = slots;
    int slot = slot(key);
    long entry;
    while ((entry = t[slot]) != EMPTY) {
      if (entry >>> priorityBits == key) {
        return (int) (entry & priorityMask);
      }
      slot = (slot + 1) & mask;
    }
    return NONE;
  }

  /** The id that the rule with {@code priority} merges into. */
  public int result(int priority) {
    return resultIsPriority ? priority : results[priority];
  }

  /** The number of rules. */
  public int size() {
    return size;
  }

  private long key(int left, int right) {
    return ((long) left << idBits) | right;
  }

  private int slot(long key) {
    return (int) ((key * 0x9E3779B97F4A7C15L) >>> shift);
  }
}
