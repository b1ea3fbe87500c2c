package org.winnow.loader;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import org.winnow.loader.plan.EpochPlan;
import org.winnow.loader.plan.PlannedWindow;
import org.winnow.loader.shard.DecodedRowGroup;

/**
 * One dataset's token stream for one rank: the documents its cursor walks, in plan order, read
 * from decoded windows, packed into rows. Runs on the packing thread only.
 */
final class ComponentStream {
  private final DatasetIndex data;
  private final RankCursor cursor;
  private final IntFunction<EpochPlan> plans;
  private final WindowPrefetcher prefetcher;
  private final CorruptShardPolicy policy;
  private final List<LoaderWarning> warnings;
  private final Map<String, Integer> sourceIndex = new HashMap<>();
  private final List<String> sourceNames = new ArrayList<>();
  private String[] sourceArray = new String[0];
  private long[] sourceTokens = new long[0];
  private long samples;
  private LoadedWindow window;
  private boolean loaded;
  private int[] tokens;
  private int docStart;
  private int docLength;
  private int docSource;
  private int lastEpochWithTokens;

  ComponentStream(DatasetIndex data, RankCursor cursor, IntFunction<EpochPlan> plans,
      WindowPrefetcher prefetcher, CorruptShardPolicy policy, List<LoaderWarning> warnings,
      long samples, Map<String, Long> sourceTokens) {
    this.data = data;
    this.cursor = cursor;
    this.plans = plans;
    this.prefetcher = prefetcher;
    this.policy = policy;
    this.warnings = warnings;
    this.samples = samples;
    for (Map.Entry<String, Long> e : sourceTokens.entrySet()) {
      int id = source(e.getKey());
      this.sourceTokens[id] += e.getValue();
    }
    this.lastEpochWithTokens = cursor.ensure() ? cursor.epoch() : 0;
  }

  long samples() {
    return samples;
  }

  /**
   * Writes the next {@code seqLen + 1} tokens of the stream into row {@code row} of {@code b} and
   * advances by {@code seqLen}.
   *
   * @return false when the dataset's allowed epochs are used up (the row is then incomplete)
   */
  boolean fillRow(Batch b, int row) throws InterruptedException {
    int seqLen = b.seqLen();
    int base = row * (seqLen + 1);
    int p = 0;
    while (p < seqLen) {
      if (!loadDocument()) {
        return false;
      }
      int offset = (int) cursor.offset();
      if (offset == 0) {
        b.addDocumentStart(p);
      }
      int n = Math.min(seqLen - p, docLength - offset);
      b.put(base + p, tokens, docStart + offset, n);
      sourceTokens[docSource] += n;
      p += n;
      cursor.advance(n);
      if (offset + n == docLength) {
        cursor.nextDoc();
        loaded = false;
      }
    }
    if (!loadDocument()) {
      return false;
    }
    b.set(base + seqLen, tokens[docStart + (int) cursor.offset()]);
    samples++;
    return true;
  }

  LoaderSnapshot.Component snapshot() {
    return new LoaderSnapshot.Component(data.name(), data.table().documents(), samples,
        cursor.nextEpoch(), cursor.pending(), sourceArray,
        Arrays.copyOf(sourceTokens, sourceArray.length));
  }

  void close() {
    prefetcher.cancel();
    window = null;
  }

  private boolean loadDocument() throws InterruptedException {
    while (!loaded) {
      if (!cursor.ensure()) {
        return false;
      }
      int epoch = cursor.epoch();
      if (epoch >= lastEpochWithTokens + 2) {
        throw new IllegalStateException("dataset " + data.name() + " gave this rank no tokens in "
            + "all of epoch " + (epoch - 1) + ": every row group it reads was skipped or empty");
      }
      long doc = cursor.doc();
      EpochPlan plan = plans.apply(epoch);
      int w = plan.windowOf(doc);
      if (window == null || window.key().epoch() != epoch || window.key().window() != w) {
        window = null;
        window = prefetcher.take(new WindowKey(epoch, w));
        inspect(window);
      }
      PlannedWindow pw = window.plan();
      int local = pw.permuted((int) (doc - plan.windowStart(w)));
      int slot = pw.slotOf(local);
      LoadedChunk chunk = window.chunks()[slot];
      if (chunk.failed()) {
        cursor.nextDoc();
        continue;
      }
      DecodedRowGroup rows = chunk.rows();
      int row = local - pw.slotStart(slot);
      int length = rows.length(row);
      if (cursor.offset() >= length) {
        cursor.nextDoc();
        continue;
      }
      tokens = rows.tokenArray();
      docStart = rows.start(row);
      docLength = length;
      docSource = sourceId(chunk, rows.sourceId(row));
      lastEpochWithTokens = epoch;
      loaded = true;
    }
    return true;
  }

  private void inspect(LoadedWindow w) {
    for (LoadedChunk c : w.chunks()) {
      if (c.failed()) {
        if (policy == CorruptShardPolicy.FAIL) {
          throw c.failure().rethrown();
        }
        warnings.add(LoaderWarning.of(data.name(), c.failure()));
      }
    }
  }

  private int sourceId(LoadedChunk chunk, int local) {
    if (chunk.sourceIds == null) {
      List<String> names = chunk.rows().sources();
      int[] ids = new int[names.size()];
      for (int i = 0; i < ids.length; i++) {
        ids[i] = source(names.get(i));
      }
      chunk.sourceIds = ids;
    }
    return chunk.sourceIds[local];
  }

  private int source(String name) {
    Integer id = sourceIndex.get(name);
    if (id == null) {
      id = sourceNames.size();
      sourceIndex.put(name, id);
      sourceNames.add(name);
      sourceArray = sourceNames.toArray(new String[0]);
      sourceTokens = Arrays.copyOf(sourceTokens, sourceArray.length);
    }
    return id;
  }
}
