package org.winnow.jobs.tokenize;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.winnow.loader.manifest.ShardManifest;
import org.winnow.loader.manifest.ShardSummary;
import org.winnow.loader.shard.DecodeColumns;
import org.winnow.loader.shard.DecodedRowGroup;
import org.winnow.loader.shard.ShardFile;
import org.winnow.loader.shard.Split;
import org.winnow.loader.store.LocalShardStore;

/** A shard set's documents as the loader's shard reader decodes them, in manifest order. */
final class ShardRows {
  /** One document: its id, its tokens (end-of-text included) and its text's UTF-8 bytes. */
  record Doc(String docId, int[] tokens, long nBytes) {}

  private ShardRows() {}

  /** The documents of {@code split} under the shard-set {@code root}. */
  static List<Doc> read(Path root, Split split) {
    ShardManifest m = ShardManifest.read(LocalShardStore.INSTANCE, root.toString());
    List<Doc> docs = new ArrayList<>();
    for (ShardSummary s : m.split(split, "test").shards()) {
      try (ShardFile f = ShardFile.open(LocalShardStore.INSTANCE,
          root.resolve(s.file()).toString())) {
        for (int g = 0; g < f.rowGroupCount(); g++) {
          DecodedRowGroup rg = f.decode(g, DecodeColumns.ALL);
          for (int r = 0; r < rg.rows(); r++) {
            docs.add(new Doc(rg.docId(r).orElseThrow(), rg.tokens(r),
                rg.nBytes(r).orElse(-1L)));
          }
        }
      }
    }
    return docs;
  }

  /** The documents of both splits, train first. */
  static List<Doc> readAll(Path root) {
    List<Doc> docs = new ArrayList<>();
    for (Split split : Split.values()) {
      docs.addAll(read(root, split));
    }
    return docs;
  }
}
