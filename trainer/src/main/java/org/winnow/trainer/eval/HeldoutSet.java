package org.winnow.trainer.eval;

import java.util.ArrayList;
import java.util.List;
import org.winnow.loader.manifest.ShardManifest;
import org.winnow.loader.manifest.ShardSummary;
import org.winnow.loader.shard.DecodeColumns;
import org.winnow.loader.shard.DecodedRowGroup;
import org.winnow.loader.shard.ShardFile;
import org.winnow.loader.shard.Split;
import org.winnow.loader.store.ShardStore;
import org.winnow.loader.store.ShardStores;

/**
 * The held-out split of shard sets, read whole and in manifest order (documents, not packed
 * windows), so that every run scores the same documents the same way.
 */
public final class HeldoutSet {
  private HeldoutSet() {}

  /**
   * Reads held-out documents from {@code roots} in order until {@code maxTokens} tokens (the
   * document that crosses the limit is left out, so the set is a prefix of whole documents).
   *
   * @throws IllegalArgumentException when a root's tokenizer is not {@code sha256}
   */
  public static List<HeldoutDocument> read(List<String> roots, String sha256, long maxTokens) {
    List<HeldoutDocument> docs = new ArrayList<>();
    long tokens = 0;
    for (String root : roots) {
      ShardStore store = ShardStores.forRoot(root);
      ShardManifest manifest = ShardManifest.read(store, root);
      manifest.requireTokenizer(sha256, root);
      for (ShardSummary shard : manifest.split(Split.HELDOUT, root).shards()) {
        try (ShardFile file = ShardFile.open(store, store.resolve(root, shard.file()))) {
          for (int g = 0; g < file.rowGroupCount(); g++) {
            DecodedRowGroup rows = file.decode(g, DecodeColumns.ALL);
            for (int r = 0; r < rows.rows(); r++) {
              int len = rows.length(r);
              if (len == 0) {
                continue;
              }
              if (tokens + len > maxTokens) {
                return docs;
              }
              tokens += len;
              docs.add(new HeldoutDocument(rows.docId(r).orElseThrow(), rows.source(r),
                  rows.tokens(r), rows.nBytes(r).orElseThrow()));
            }
          }
        }
      }
    }
    return docs;
  }
}
