package org.winnow.loader.shard;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import org.winnow.loader.store.ShardStore;

/**
 * Footers of recently read shard files, so that reading a file's row groups one at a time does
 * not parse its footer each time. Bounded by the row groups the footers describe (a parsed footer
 * takes a few KB per row group), least recently used out first; safe for concurrent use.
 * Failures are not cached.
 */
public final class FooterCache {
  private final int maxRowGroups;
  private final LinkedHashMap<String, ShardFooter> footers = new LinkedHashMap<>(16, 0.75f, true);
  private int rowGroups;

  /** A cache holding footers of at most {@code maxRowGroups} row groups in all (at least one). */
  public FooterCache(int maxRowGroups) {
    if (maxRowGroups <= 0) {
      throw new IllegalArgumentException("maxRowGroups must be positive: " + maxRowGroups);
    }
    this.maxRowGroups = maxRowGroups;
  }

  /**
   * The footer of {@code path}, read now if not cached.
   *
   * @throws ShardException naming the file when its footer cannot be read or is not the contract
   */
  public ShardFooter get(ShardStore store, String path) {
    synchronized (footers) {
      ShardFooter f = footers.get(path);
      if (f != null) {
        return f;
      }
    }
    ShardFooter f = ShardFooter.read(store, path);
    synchronized (footers) {
      if (footers.put(path, f) == null) {
        rowGroups += weight(f);
      }
      Iterator<Map.Entry<String, ShardFooter>> eldest = footers.entrySet().iterator();
      while (rowGroups > maxRowGroups && footers.size() > 1) {
        rowGroups -= weight(eldest.next().getValue());
        eldest.remove();
      }
    }
    return f;
  }

  private static int weight(ShardFooter f) {
    return Math.max(1, f.rowGroupCount());
  }
}
