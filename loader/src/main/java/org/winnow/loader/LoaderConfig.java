package org.winnow.loader;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.winnow.loader.plan.ShuffleSpec;
import org.winnow.loader.shard.Split;

/** A loader's settings, checked; built by {@link TokenLoader.Builder}. */
record LoaderConfig(
    List<DatasetSpec> datasets,
    Split split,
    String tokenizerSha256,
    int batchSize,
    int seqLen,
    long seed,
    int rank,
    int worldSize,
    ShuffleSpec shuffle,
    int prefetchBatches,
    int decodeThreads,
    long readAheadTokens,
    int readAheadRowGroups,
    boolean documentStarts,
    boolean directBuffers,
    CorruptShardPolicy corruptShards,
    Consumer<LoaderWarning> onWarning) {

  LoaderConfig {
    datasets = List.copyOf(datasets);
    if (datasets.isEmpty()) {
      throw new IllegalArgumentException("no dataset given");
    }
    Set<String> names = new HashSet<>();
    for (DatasetSpec d : datasets) {
      if (!names.add(d.name())) {
        throw new IllegalArgumentException("dataset name " + d.name() + " is used twice");
      }
    }
    if (tokenizerSha256 == null) {
      throw new IllegalArgumentException("the tokenizer's sha256 is required: the loader checks "
          + "every manifest against it");
    }
    if (batchSize <= 0 || seqLen <= 0) {
      throw new IllegalArgumentException("batchSize and seqLen are required, got " + batchSize
          + " and " + seqLen);
    }
  }
}
