package org.winnow.jobs.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import org.winnow.jobs.report.SummaryTable;
import org.winnow.jobs.report.Units;
import org.winnow.loader.manifest.ShardManifest;
import org.winnow.loader.manifest.ShardSummary;
import org.winnow.loader.manifest.SourceTotals;
import org.winnow.loader.manifest.SplitSummary;
import org.winnow.loader.manifest.TokenizerIdentity;
import org.winnow.loader.shard.DecodeColumns;
import org.winnow.loader.shard.DecodedRowGroup;
import org.winnow.loader.shard.ShardFile;
import org.winnow.loader.store.ShardStore;
import org.winnow.loader.store.ShardStores;
import org.winnow.tokenizer.Tokenizer;
import org.winnow.tokenizer.Tokenizers;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code winnow inspect-shards}: what a shard set holds, and a few of its documents. */
@Command(
    name = "inspect-shards",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    sortOptions = false,
    header = "Show a token shard set: tokenizer, counts per split and source, sample documents.",
    description = {
      "Reads manifest.json, optionally checks every shard's footer against it, and decodes the "
          + "first documents of the first train shard; with --vocab their text is shown "
          + "(the vocabulary's hash is checked against the manifest's)."
    })
final class InspectShardsCommand implements Callable<Integer> {
  private static final int PREVIEW_CHARS = 240;

  @Spec CommandSpec spec;

  @Option(names = {"-d", "--data"}, required = true, paramLabel = "DIR",
      description = "Shard-set directory (local path or Hadoop URI).")
  String data;

  @Option(names = "--vocab", paramLabel = "PATH",
      description = "Vocabulary to decode sample documents with (tokenizer.json, "
          + "<encoding>.tiktoken, or a GPT-2 directory).")
  Path vocab;

  @Option(names = "--samples", paramLabel = "N", defaultValue = "3",
      description = "Documents to show (default: ${DEFAULT-VALUE}).")
  int samples;

  @Option(names = "--verify", description = "Open every shard and compare its rows with the "
      + "manifest.")
  boolean verify;

  @Override
  public Integer call() throws IOException {
    if (samples < 0) {
      throw new ParameterException(spec.commandLine(), "--samples must be >= 0, got " + samples);
    }
    PrintWriter out = spec.commandLine().getOut();
    ShardStore store = ShardStores.forRoot(data);
    String where = store.resolve(data, ShardManifest.FILE_NAME);
    ShardManifest m = ShardManifest.read(store, data);
    TokenizerIdentity t = m.tokenizer();
    out.printf("%s%n  tokenizer %s, vocabulary %s, end of text %d, sha256 %s%n%n", where, t.name(),
        Units.count(t.vocabSize()), t.eotId(), t.sha256());
    SummaryTable table = new SummaryTable().header("split", "source", "documents", "tokens",
        "shards");
    for (Map.Entry<String, SplitSummary> e : m.splits().entrySet()) {
      SplitSummary s = e.getValue();
      table.row(e.getKey(), "all", Units.count(s.documents()), Units.count(s.tokens()),
          Units.count(s.shards().size()));
      for (Map.Entry<String, SourceTotals> src : s.sources().entrySet()) {
        table.row("", src.getKey(), Units.count(src.getValue().documents()),
            Units.count(src.getValue().tokens()), "");
      }
    }
    out.print(table.render());
    if (verify) {
      verify(m, store, out);
    }
    SplitSummary train = m.splits().get("train");
    if (samples > 0 && train != null && !train.shards().isEmpty()) {
      showSamples(store, store.resolve(data, train.shards().get(0).file()), t, out);
    }
    out.flush();
    return 0;
  }

  private void verify(ShardManifest m, ShardStore store, PrintWriter out) {
    int shards = 0;
    for (SplitSummary s : m.splits().values()) {
      for (ShardSummary shard : s.shards()) {
        String path = store.resolve(data, shard.file());
        try (ShardFile f = ShardFile.open(store, path)) {
          if (f.rows() != shard.rows()) {
            throw new IllegalStateException(path + ": file has " + f.rows()
                + " rows, the manifest says " + shard.rows());
          }
        }
        shards++;
      }
    }
    out.printf("%nverified: %d shard files open and match the manifest's row counts%n", shards);
  }

  private void showSamples(ShardStore store, String path, TokenizerIdentity t, PrintWriter out)
      throws IOException {
    Tokenizer tokenizer = null;
    if (vocab != null) {
      tokenizer = Tokenizers.open(vocab);
      if (!tokenizer.identity().sha256().equalsIgnoreCase(t.sha256())) {
        spec.commandLine().getErr().printf("inspect-shards: warning: %s has sha256 %s, the "
            + "shards were made with %s; the text below may be wrong%n", vocab,
            tokenizer.identity().sha256(), t.sha256());
      }
    }
    out.printf("%nfirst documents of %s%n", path);
    int shown = 0;
    try (ShardFile f = ShardFile.open(store, path)) {
      for (int g = 0; g < f.rowGroupCount() && shown < samples; g++) {
        DecodedRowGroup rows = f.decode(g, DecodeColumns.ALL);
        for (int r = 0; r < rows.rows() && shown < samples; r++, shown++) {
          int[] tokens = rows.tokens(r);
          out.printf("%n  %s  source=%s  tokens=%d  bytes=%d%n", rows.docId(r).orElse("?"),
              rows.source(r), tokens.length, rows.nBytes(r).orElse(-1L));
          out.println("  " + preview(tokenizer, tokens));
        }
      }
    }
  }

  private static String preview(Tokenizer tokenizer, int[] tokens) {
    if (tokenizer == null) {
      int n = Math.min(tokens.length, 32);
      StringBuilder b = new StringBuilder("ids:");
      for (int i = 0; i < n; i++) {
        b.append(' ').append(tokens[i]);
      }
      return tokens.length > n ? b.append(" ...").toString() : b.toString();
    }
    String text = tokenizer.decode(tokens).replace("\n", "\\n");
    return text.length() <= PREVIEW_CHARS ? text : text.substring(0, PREVIEW_CHARS) + "...";
  }
}
