package org.winnow.loader;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.winnow.loader.store.ShardStore;
import org.winnow.loader.store.ShardStores;

/**
 * One dataset of a loader's mixture.
 *
 * @param name a stable name, used in the loader state and the token counters
 * @param roots shard-set directories (local paths or Hadoop URIs) read as one dataset
 * @param weight the dataset's target share of the delivered tokens, relative to the others
 * @param maxEpochs how many passes the dataset may make; the loader ends when a limited dataset
 *     is used up. Empty for no limit: a dataset whose weight outruns its size is then upsampled
 * @param store where the roots live; empty to choose by each root's URI scheme ({@link
 *     ShardStores#forRoot})
 */
public record DatasetSpec(String name, List<String> roots, double weight, OptionalInt maxEpochs,
    Optional<ShardStore> store) {
  public DatasetSpec {
    if (name == null || name.isEmpty()) {
      throw new IllegalArgumentException("dataset name is empty");
    }
    roots = List.copyOf(roots);
    if (roots.isEmpty()) {
      throw new IllegalArgumentException("dataset " + name + " has no shard directories");
    }
    if (!(weight > 0) || Double.isInfinite(weight)) {
      throw new IllegalArgumentException("dataset " + name + ": weight must be positive, got "
          + weight);
    }
    if (maxEpochs.isPresent() && maxEpochs.getAsInt() <= 0) {
      throw new IllegalArgumentException("dataset " + name + ": max epochs must be positive, got "
          + maxEpochs.getAsInt());
    }
  }

  /** A dataset of weight 1 without an epoch limit. */
  public static DatasetSpec of(String name, String... roots) {
    return new DatasetSpec(name, List.of(roots), 1.0, OptionalInt.empty(), Optional.empty());
  }

  public DatasetSpec withWeight(double w) {
    return new DatasetSpec(name, roots, w, maxEpochs, store);
  }

  public DatasetSpec withMaxEpochs(int epochs) {
    return new DatasetSpec(name, roots, weight, OptionalInt.of(epochs), store);
  }

  /** Reads the roots through {@code s}, for example a {@code HadoopShardStore} with settings. */
  public DatasetSpec withStore(ShardStore s) {
    return new DatasetSpec(name, roots, weight, maxEpochs, Optional.of(s));
  }

  /** The store for {@code root}. */
  public ShardStore storeFor(String root) {
    return store.orElseGet(() -> ShardStores.forRoot(root));
  }
}
