package org.winnow.loader.plan;

import org.winnow.core.hash.StableHash;

/** The seed of one dataset's shuffles: the loader's seed salted with the dataset's name. */
public final class DatasetSeed {
  private DatasetSeed() {}

  /** Two datasets of one loader never share an order, and a dataset keeps its order by name. */
  public static long of(long loaderSeed, String datasetName) {
    return SplitMix64.derive(loaderSeed, StableHash.hash64(datasetName));
  }
}
