package org.winnow.loader;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import org.winnow.loader.shard.DecodeColumns;
import org.winnow.loader.state.ComponentState;
import org.winnow.loader.state.LoaderState;

/**
 * Puts a loader together: opens every dataset (manifests, tokenizer check, row-group list),
 * checks a resume state against them, and starts the decode pool and the packing thread.
 */
final class LoaderAssembly {
  private LoaderAssembly() {}

  static TokenLoader open(LoaderConfig config, LoaderState resume) {
    ExecutorService pool = Executors.newFixedThreadPool(config.decodeThreads(), daemonThreads());
    try {
      return open(config, pool, resume);
    } catch (RuntimeException | Error e) {
      pool.shutdownNow();
      throw e;
    }
  }

  private static TokenLoader open(LoaderConfig config, ExecutorService pool,
      LoaderState resume) {
    List<LoaderWarning> footerWarnings = new ArrayList<>();
    List<DatasetIndex> data = new ArrayList<>();
    for (DatasetSpec spec : config.datasets()) {
      data.add(DatasetIndex.open(spec, config.split(), config.tokenizerSha256(),
          config.corruptShards(), footerWarnings::add, pool));
    }
    for (LoaderWarning w : footerWarnings) {
      config.onWarning().accept(w);
    }
    for (DatasetIndex d : data) {
      long docs = d.table().documents();
      if (docs < config.worldSize()) {
        throw new IllegalArgumentException("dataset " + d.name() + " has " + docs
            + " readable documents in split " + config.split().dirName()
            + ", fewer than the world size " + config.worldSize());
      }
    }
    if (resume != null) {
      checkResume(config, data, resume);
    }
    List<LoaderWarning> warnings = new ArrayList<>();
    ComponentStream[] streams = new ComponentStream[data.size()];
    double[] weights = new double[data.size()];
    for (int i = 0; i < data.size(); i++) {
      DatasetIndex d = data.get(i);
      ComponentState cs = resume == null ? null : resume.components().get(i);
      RankCursor cursor = new RankCursor(d.table().documents(), config.rank(),
          config.worldSize(), d.spec().maxEpochs(),
          cs == null ? List.of() : cs.pending(), cs == null ? 0 : cs.nextEpoch());
      PlanCache plans = new PlanCache(d.table(), config.shuffle(), d.seed(config.seed()));
      WindowPrefetcher prefetcher = new WindowPrefetcher(d, plans, cursor.future(), pool,
          config.readAheadTokens(), config.readAheadRowGroups(),
          DecodeColumns.TOKENS_AND_SOURCE);
      streams[i] = new ComponentStream(d, cursor, plans, prefetcher,
          config.corruptShards(), warnings, cs == null ? 0 : cs.samples(),
          cs == null ? Map.of() : cs.sourceTokens());
      weights[i] = d.spec().weight();
    }
    Packer packer = new Packer(streams, new MixtureSchedule(weights), warnings,
        resume == null ? 0 : resume.batches(), resume == null ? 0 : resume.samples());
    LoaderSnapshot initial = packer.snapshot();
    List<Batch> buffers = new ArrayList<>();
    for (int i = 0; i < config.prefetchBatches() + 2; i++) {
      buffers.add(new Batch(config.batchSize(), config.seqLen(), config.directBuffers(),
          config.documentStarts()));
    }
    PackingThread packing = new PackingThread(packer, buffers);
    return new TokenLoader(config, pool, packing, initial, data.get(0).tokenizer(),
        footerWarnings.size());
  }

  private static void checkResume(LoaderConfig config, List<DatasetIndex> data,
      LoaderState s) {
    if (s.rank() != config.rank() || s.worldSize() != config.worldSize()) {
      throw new IllegalArgumentException("state is for rank " + s.rank() + " of "
          + s.worldSize() + ", the loader is rank " + config.rank() + " of "
          + config.worldSize() + "; reshard the states with LoaderState.reshard first");
    }
    if (s.seed() != config.seed()) {
      throw new IllegalArgumentException("state was written with seed " + s.seed()
          + ", the loader has seed " + config.seed());
    }
    if (!s.shuffle().equals(config.shuffle())) {
      throw new IllegalArgumentException("state was written with shuffle " + s.shuffle()
          + ", the loader has " + config.shuffle());
    }
    if (s.components().size() != data.size()) {
      throw new IllegalArgumentException("state has " + s.components().size()
          + " datasets, the loader " + data.size());
    }
    for (int i = 0; i < data.size(); i++) {
      ComponentState c = s.components().get(i);
      DatasetIndex d = data.get(i);
      if (!c.name().equals(d.name())) {
        throw new IllegalArgumentException("state's dataset " + i + " is " + c.name()
            + ", the loader's is " + d.name());
      }
      if (c.documents() != d.table().documents()) {
        throw new IllegalArgumentException("dataset " + d.name() + " has "
            + d.table().documents() + " documents per epoch now, " + c.documents()
            + " when the state was written; its shards changed");
      }
    }
  }

  private static ThreadFactory daemonThreads() {
    AtomicInteger n = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, "winnow-loader-decode-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }
}
