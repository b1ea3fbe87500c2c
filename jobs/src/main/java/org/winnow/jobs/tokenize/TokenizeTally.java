package org.winnow.jobs.tokenize;

import java.io.Serializable;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;
import org.winnow.core.ledger.Fate;
import org.winnow.core.ledger.Ledger;
import org.winnow.loader.shard.Split;

/**
 * What encoding produced, counted per task and merged on the driver: removals and rejects by
 * reason, and
 * documents, tokens and text bytes per split and source. Sorted maps, so that the manifest and
 * the ledger list sources and reasons in the same order on every run.
 */
public final class TokenizeTally implements Serializable {
  private static final long serialVersionUID = 1L;

  private final TreeMap<String, Long> removed = new TreeMap<>();
  private final TreeMap<String, Long> rejected = new TreeMap<>();
  private final TreeMap<String, long[]> train = new TreeMap<>();
  private final TreeMap<String, long[]> heldout = new TreeMap<>();

  /** Counts one encoded document. */
  void add(EncodedDocument d) {
    switch (d.fate()) {
      case REMOVED -> {
        removed.merge(d.reason(), 1L, Long::sum);
        return;
      }
      case REJECTED -> {
        rejected.merge(d.reason(), 1L, Long::sum);
        return;
      }
      case KEPT -> { }
    }
    long[] c = (d.heldOut() ? heldout : train).computeIfAbsent(d.source(), k -> new long[3]);
    c[0]++;
    c[1] += d.tokenCount();
    c[2] += d.nBytes();
  }

  /** Adds {@code other} into this tally and returns this. */
  public TokenizeTally merge(TokenizeTally other) {
    other.removed.forEach((k, v) -> removed.merge(k, v, Long::sum));
    other.rejected.forEach((k, v) -> rejected.merge(k, v, Long::sum));
    mergeInto(train, other.train);
    mergeInto(heldout, other.heldout);
    return this;
  }

  private static void mergeInto(Map<String, long[]> into, Map<String, long[]> from) {
    from.forEach((k, v) -> {
      long[] c = into.computeIfAbsent(k, x -> new long[3]);
      for (int i = 0; i < c.length; i++) {
        c[i] += v[i];
      }
    });
  }

  /**
   * Per source of {@code split}: {@code {documents, tokens, text bytes}}, by source name.
   * The arrays are this tally's own; do not change them.
   */
  public Map<String, long[]> sources(Split split) {
    return Collections.unmodifiableMap(split == Split.TRAIN ? train : heldout);
  }

  /** Documents of {@code split}. */
  public long documents(Split split) {
    return sum(split, 0);
  }

  /** Tokens of {@code split}, end-of-text tokens included. */
  public long tokens(Split split) {
    return sum(split, 1);
  }

  /** UTF-8 bytes of the text of {@code split}. */
  public long textBytes(Split split) {
    return sum(split, 2);
  }

  private long sum(Split split, int i) {
    return sources(split).values().stream().mapToLong(c -> c[i]).sum();
  }

  /** Every document counted, kept, removed or rejected. */
  public long documents() {
    return documents(Split.TRAIN) + documents(Split.HELDOUT)
        + removed.values().stream().mapToLong(Long::longValue).sum()
        + rejected.values().stream().mapToLong(Long::longValue).sum();
  }

  public Map<String, Long> removed() {
    return Collections.unmodifiableMap(removed);
  }

  public Map<String, Long> rejected() {
    return Collections.unmodifiableMap(rejected);
  }

  /** The stage's ledger: kept is every document written to either split. */
  public Ledger ledger(String stage) {
    Ledger ledger = new Ledger(stage);
    ledger.count(Fate.KEPT, "", documents(Split.TRAIN) + documents(Split.HELDOUT));
    removed.forEach((reason, n) -> ledger.count(Fate.REMOVED, reason, n));
    rejected.forEach((reason, n) -> ledger.count(Fate.REJECTED, reason, n));
    return ledger;
  }
}
