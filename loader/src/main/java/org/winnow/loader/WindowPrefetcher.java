package org.winnow.loader;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.function.IntFunction;
import org.winnow.loader.plan.Chunk;
import org.winnow.loader.plan.ChunkTable;
import org.winnow.loader.plan.EpochPlan;
import org.winnow.loader.plan.PlannedWindow;
import org.winnow.loader.shard.DecodeColumns;
import org.winnow.loader.shard.DecodedRowGroup;
import org.winnow.loader.shard.ShardException;
import org.winnow.loader.shard.ShardFile;
import org.winnow.loader.state.Segment;

/**
 * Decodes the windows one rank of one dataset will need, in the order it will need them, on the
 * decode pool. Windows beyond the one being read are decoded ahead up to a budget of tokens and of
 * row groups (always at least one window), so memory stays bounded while the reader rarely waits. Driven from the packing
 * thread only; the order of windows never depends on which decode finishes first.
 */
final class WindowPrefetcher {
  private final DatasetIndex data;
  private final IntFunction<EpochPlan> plans;
  private final Iterator<Segment> segments;
  private final ExecutorService pool;
  private final long aheadTokens;
  private final int aheadRowGroups;
  private final DecodeColumns columns;
  private final ArrayDeque<Scheduled> queue = new ArrayDeque<>();
  private long queuedTokens;
  private int queuedRowGroups;
  private EpochPlan segPlan;
  private int segWindow;
  private int segLastWindow = -1;
  private WindowKey lastKey;
  private Scheduled peeked;

  private record Scheduled(WindowKey key, PlannedWindow plan, long tokens,
      List<Future<LoadedChunk>> chunks) {}

  WindowPrefetcher(DatasetIndex data, IntFunction<EpochPlan> plans, Iterator<Segment> segments,
      ExecutorService pool, long aheadTokens, int aheadRowGroups, DecodeColumns columns) {
    this.data = data;
    this.plans = plans;
    this.segments = segments;
    this.pool = pool;
    this.aheadTokens = aheadTokens;
    this.aheadRowGroups = aheadRowGroups;
    this.columns = columns;
    pump();
  }

  /**
   * The next window, which must be {@code key}: the reader and this prefetcher walk the same
   * sequence.
   */
  LoadedWindow take(WindowKey key) throws InterruptedException {
    if (queue.isEmpty()) {
      schedule(peek());
    }
    Scheduled s = queue.poll();
    if (s == null || !s.key().equals(key)) {
      throw new IllegalStateException("window " + key + " requested but "
          + (s == null ? "none" : s.key().toString()) + " is next");
    }
    queuedTokens -= s.tokens();
    queuedRowGroups -= s.plan().slots();
    pump();
    LoadedChunk[] loaded = new LoadedChunk[s.chunks().size()];
    for (int i = 0; i < loaded.length; i++) {
      loaded[i] = await(s.chunks().get(i));
    }
    return new LoadedWindow(s.key(), s.plan(), loaded);
  }

  /** Cancels decodes not yet taken. */
  void cancel() {
    for (Scheduled s : queue) {
      for (Future<LoadedChunk> f : s.chunks()) {
        f.cancel(true);
      }
    }
    queue.clear();
  }

  private void pump() {
    while (true) {
      Scheduled next = peek();
      if (next == null || (!queue.isEmpty()
          && (queuedTokens + next.tokens() > aheadTokens
              || queuedRowGroups + next.plan().slots() > aheadRowGroups))) {
        return;
      }
      schedule(next);
    }
  }

  private void schedule(Scheduled s) {
    if (s == null) {
      return;
    }
    peeked = null;
    List<Future<LoadedChunk>> futures = new ArrayList<>();
    ChunkTable table = data.table();
    for (int slot = 0; slot < s.plan().slots(); slot++) {
      Chunk c = table.chunk(s.plan().chunk(slot));
      futures.add(pool.submit(() -> decode(c)));
    }
    queue.add(new Scheduled(s.key(), s.plan(), s.tokens(), futures));
    queuedTokens += s.tokens();
    queuedRowGroups += s.plan().slots();
  }

  /** The next window in reading order, planned but not yet scheduled; null at the end. */
  private Scheduled peek() {
    if (peeked != null) {
      return peeked;
    }
    while (true) {
      while (segWindow > segLastWindow) {
        if (!segments.hasNext()) {
          return null;
        }
        Segment s = segments.next();
        segPlan = plans.apply(s.epoch());
        segWindow = segPlan.windowOf(s.start());
        segLastWindow = segPlan.windowOf(s.end() - 1);
      }
      WindowKey key = new WindowKey(segPlan.epoch(), segWindow++);
      if (key.equals(lastKey)) {
        continue;
      }
      lastKey = key;
      PlannedWindow plan = segPlan.window(key.window());
      long tokens = 0;
      for (int slot = 0; slot < plan.slots(); slot++) {
        tokens += data.table().chunk(plan.chunk(slot)).tokens();
      }
      peeked = new Scheduled(key, plan, tokens, List.of());
      return peeked;
    }
  }

  private LoadedChunk decode(Chunk c) {
    String path = data.table().path(c);
    try (ShardFile f = ShardFile.open(data.store(c), path, data.footers())) {
      DecodedRowGroup rows = f.decode(c.rowGroup(), columns);
      if (rows.rows() != c.rows()) {
        throw new ShardException(path, c.rowGroup(), "row group has " + rows.rows()
            + " rows, the manifest says " + c.rows(), null);
      }
      return LoadedChunk.ok(c, rows);
    } catch (ShardException e) {
      ShardException located = e.rowGroup().isPresent() ? e
          : new ShardException(e.file(), c.rowGroup(), e.reason(), e);
      return LoadedChunk.failed(c, located);
    }
  }

  private static LoadedChunk await(Future<LoadedChunk> f) throws InterruptedException {
    try {
      return f.get();
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException) {
        throw (RuntimeException) cause;
      }
      if (cause instanceof Error) {
        throw (Error) cause;
      }
      throw new IllegalStateException("row-group decode failed", cause);
    }
  }
}
