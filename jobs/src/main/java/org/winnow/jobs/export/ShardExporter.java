package org.winnow.jobs.export;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.winnow.loader.manifest.ShardManifest;
import org.winnow.loader.manifest.ShardSummary;
import org.winnow.loader.manifest.SplitSummary;
import org.winnow.loader.shard.DecodeColumns;
import org.winnow.loader.shard.DecodedRowGroup;
import org.winnow.loader.shard.ShardFile;
import org.winnow.loader.shard.Split;
import org.winnow.loader.store.ShardStore;
import org.winnow.loader.store.ShardStores;

/**
 * Rewrites a token shard set in another trainer's format: every document of each split, in the
 * manifest's shard order and each shard's row order (the order the tokenize job shuffled them
 * into), read with the loader's shard reader.
 */
public final class ShardExporter {
  /** llm.c's preparation scripts start a new file every 10^8 tokens. */
  public static final long DEFAULT_FILE_TOKENS = 100_000_000L;

  private ShardExporter() {}

  /**
   * Exports {@code splits} of the shard set at {@code root} into the directory {@code output}
   * (created; files already there are not overwritten).
   *
   * @param fileTokens tokens per file, for formats that split files (nanoGPT)
   * @throws IllegalArgumentException when the vocabulary does not fit the format's token type
   */
  public static ExportReport export(String root, List<Split> splits, ExportFormat format,
      Path output, long fileTokens) throws IOException {
    ShardStore store = ShardStores.forRoot(root);
    ShardManifest manifest = ShardManifest.read(store, root);
    int vocabSize = manifest.tokenizer().vocabSize();
    if (format == ExportFormat.NANOGPT && vocabSize > NanoGptWriter.MAX_ID) {
      throw new IllegalArgumentException("nanogpt files hold uint16 tokens, but "
          + manifest.tokenizer().name() + " has " + vocabSize + " ids (at most "
          + NanoGptWriter.MAX_ID + " fit); export --format megatron instead, which uses int32");
    }
    if (fileTokens <= 0) {
      throw new IllegalArgumentException("tokens per file must be positive, got " + fileTokens);
    }
    Files.createDirectories(output);
    Map<String, long[]> counts = new LinkedHashMap<>();
    List<Path> files = new ArrayList<>();
    for (Split split : splits) {
      SplitSummary summary = manifest.split(split, store.resolve(root, ShardManifest.FILE_NAME));
      Path prefix = output.resolve(split.dirName());
      long[] c = new long[2];
      if (format == ExportFormat.MEGATRON) {
        try (MegatronIndexedWriter w = new MegatronIndexedWriter(prefix, vocabSize)) {
          copy(store, root, summary, w, c);
        }
        files.add(Path.of(prefix + ".bin"));
        files.add(Path.of(prefix + ".idx"));
      } else {
        NanoGptWriter w = new NanoGptWriter(prefix, fileTokens);
        try (w) {
          copy(store, root, summary, w, c);
        }
        files.addAll(w.files());
      }
      counts.put(split.dirName(), c);
    }
    return new ExportReport(format, output, counts, files);
  }

  private static void copy(ShardStore store, String root, SplitSummary split, DocumentSink sink,
      long[] counts) throws IOException {
    for (ShardSummary shard : split.shards()) {
      try (ShardFile f = ShardFile.open(store, store.resolve(root, shard.file()))) {
        for (int g = 0; g < f.rowGroupCount(); g++) {
          DecodedRowGroup rows = f.decode(g, DecodeColumns.TOKENS_AND_SOURCE);
          int[] tokens = rows.tokenArray();
          for (int r = 0; r < rows.rows(); r++) {
            sink.document(tokens, rows.start(r), rows.end(r));
            counts[0]++;
            counts[1] += rows.length(r);
          }
        }
      }
    }
  }
}
