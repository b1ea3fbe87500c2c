package org.winnow.loader;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import org.winnow.loader.manifest.RowGroupSummary;
import org.winnow.loader.manifest.ShardManifest;
import org.winnow.loader.manifest.ShardSummary;
import org.winnow.loader.manifest.SplitSummary;
import org.winnow.loader.manifest.TokenizerIdentity;
import org.winnow.loader.plan.Chunk;
import org.winnow.loader.plan.ChunkTable;
import org.winnow.loader.plan.DatasetSeed;
import org.winnow.loader.shard.FooterCache;
import org.winnow.loader.shard.ShardException;
import org.winnow.loader.shard.ShardFile;
import org.winnow.loader.shard.Split;
import org.winnow.loader.store.ShardStore;

/**
 * One dataset's split, opened: manifests checked (tokenizer first), and every row group listed,
 * from the manifest when it lists them and from the shards' footers otherwise.
 */
final class DatasetIndex {
  /** Row groups whose footers are kept per dataset: about 5 KB each, some 40 MB at most. */
  private static final int FOOTER_ROW_GROUPS_KEPT = 8192;

  private final DatasetSpec spec;
  private final ChunkTable table;
  private final List<ShardStore> stores;
  private final TokenizerIdentity tokenizer;
  private final FooterCache footers;

  private DatasetIndex(DatasetSpec spec, ChunkTable table, List<ShardStore> stores,
      TokenizerIdentity tokenizer, FooterCache footers) {
    this.spec = spec;
    this.table = table;
    this.stores = stores;
    this.tokenizer = tokenizer;
    this.footers = footers;
  }

  static DatasetIndex open(DatasetSpec spec, Split split, String tokenizerSha256,
      CorruptShardPolicy policy, Consumer<LoaderWarning> warnings, ExecutorService pool) {
    List<String> paths = new ArrayList<>();
    List<ShardStore> stores = new ArrayList<>();
    List<ShardSummary> summaries = new ArrayList<>();
    List<String> manifests = new ArrayList<>();
    TokenizerIdentity tokenizer = null;
    for (String root : spec.roots()) {
      ShardStore store = spec.storeFor(root);
      String where = store.resolve(root, ShardManifest.FILE_NAME);
      ShardManifest manifest = ShardManifest.read(store, root);
      manifest.requireTokenizer(tokenizerSha256, where);
      if (tokenizer == null) {
        tokenizer = manifest.tokenizer();
      }
      SplitSummary s = manifest.split(split, where);
      for (ShardSummary shard : s.shards()) {
        paths.add(store.resolve(root, shard.file()));
        stores.add(store);
        summaries.add(shard);
        manifests.add(where);
      }
    }
    FooterCache cache = new FooterCache(FOOTER_ROW_GROUPS_KEPT);
    List<Future<List<Chunk>>> footers = new ArrayList<>();
    for (int i = 0; i < paths.size(); i++) {
      ShardSummary shard = summaries.get(i);
      if (shard.rowGroupsKnown()) {
        footers.add(null);
      } else {
        int index = i;
        footers.add(pool.submit(() -> chunksFromFooter(stores.get(index), paths.get(index),
            index, shard, cache)));
      }
    }
    List<Chunk> chunks = new ArrayList<>();
    for (int i = 0; i < paths.size(); i++) {
      try {
        List<Chunk> cs = footers.get(i) == null
            ? chunksFromManifest(summaries.get(i), i, manifests.get(i))
            : await(footers.get(i));
        for (Chunk c : cs) {
          if (c.rows() > 0) {
            chunks.add(c);
          }
        }
      } catch (ShardException e) {
        if (policy == CorruptShardPolicy.FAIL) {
          cancel(footers);
          throw e;
        }
        warnings.accept(LoaderWarning.of(spec.name(), e));
      }
    }
    return new DatasetIndex(spec, new ChunkTable(paths, chunks), List.copyOf(stores), tokenizer,
        cache);
  }

  private static List<Chunk> chunksFromManifest(ShardSummary shard, int index, String manifest) {
    List<Chunk> out = new ArrayList<>();
    long rows = 0;
    int g = 0;
    for (RowGroupSummary rg : shard.rowGroups()) {
      out.add(new Chunk(index, g++, rg.rows(), rg.tokens()));
      rows += rg.rows();
    }
    if (rows != shard.rows()) {
      throw new ShardException(manifest, "shard " + shard.file() + " lists row groups of " + rows
          + " rows in all, but " + shard.rows() + " rows", null);
    }
    return out;
  }

  private static List<Chunk> chunksFromFooter(ShardStore store, String path, int index,
      ShardSummary shard, FooterCache cache) {
    try (ShardFile f = ShardFile.open(store, path, cache)) {
      if (f.rows() != shard.rows()) {
        throw new ShardException(path, "file has " + f.rows() + " rows, the manifest says "
            + shard.rows(), null);
      }
      List<Chunk> out = new ArrayList<>();
      for (int g = 0; g < f.rowGroupCount(); g++) {
        out.add(new Chunk(index, g, f.rows(g), f.tokenEntries(g)));
      }
      return out;
    }
  }

  private static List<Chunk> await(Future<List<Chunk>> f) {
    try {
      return f.get();
    } catch (ExecutionException e) {
      if (e.getCause() instanceof ShardException) {
        throw (ShardException) e.getCause();
      }
      throw new IllegalStateException("reading a shard footer failed", e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while reading shard footers", e);
    }
  }

  private static void cancel(List<Future<List<Chunk>>> futures) {
    for (Future<List<Chunk>> f : futures) {
      if (f != null) {
        f.cancel(true);
      }
    }
  }

  DatasetSpec spec() {
    return spec;
  }

  String name() {
    return spec.name();
  }

  ChunkTable table() {
    return table;
  }

  ShardStore store(Chunk c) {
    return stores.get(c.shard());
  }

  TokenizerIdentity tokenizer() {
    return tokenizer;
  }

  /** Footers of this dataset's shards read so far. */
  FooterCache footers() {
    return footers;
  }

  /** The dataset's own shuffle seed. */
  long seed(long loaderSeed) {
    return DatasetSeed.of(loaderSeed, spec.name());
  }
}
