package org.winnow.jobs.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.winnow.jobs.spark.SessionLease;
import org.winnow.jobs.spark.SparkSessions;
import org.winnow.jobs.decontam.HeldoutNgramOverlap;
import org.winnow.jobs.tokenize.HeldoutDecontamination;
import org.winnow.jobs.tokenize.TokenizeJob;
import org.winnow.jobs.tokenize.TokenizeReport;
import org.winnow.jobs.tokenize.TokenizeSpec;
import org.winnow.jobs.tokenize.TokenizeSummary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code winnow tokenize}: documents to train and held-out token shards, as a Spark job. */
@Command(
    name = "tokenize",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    sortOptions = false,
    header = "Encode the document dataset into train and held-out token shards (Parquet).",
    description = {
      "Encodes every document with the given vocabulary, appends the end-of-text token, splits "
          + "documents into train and held-out by a salted hash of doc_id, and writes "
          + "train/part-NNNNN.parquet, heldout/part-NNNNN.parquet and manifest.json, with "
          + "_rejected/ and _ledger.json beside them, in one pass with no shuffle: each input "
          + "split's documents are ordered by a seeded hash of doc_id and written to shards of "
          + "their own (the loader shuffles across shards). The output is committed atomically; "
          + "reruns write identical shards.",
      "Documents whose stored text is not valid UTF-8, is empty, or is larger than "
          + "--max-document-mb are rejected with their reason."
    })
final class TokenizeCommand implements Callable<Integer> {
  private static final long MIB = 1024L * 1024L;

  @Spec CommandSpec spec;

  @Option(names = {"-i", "--input"}, required = true, split = ",", paramLabel = "PATH",
      description = "Document datasets (Parquet directories or files); comma separated or repeated.")
  List<String> inputs = new ArrayList<>();

  @Option(names = {"-t", "--tokenizer"}, required = true, paramLabel = "PATH|NAME",
      description = "Vocabulary: a tokenizer.json, an <encoding>.tiktoken rank file "
          + "(r50k_base, p50k_base, cl100k_base, o200k_base), a directory with a "
          + "tokenizer.json or GPT-2's encoder.json and vocab.bpe, or one of those four "
          + "encoding names: its published rank file is fetched once into "
          + "$WINNOW_TOKENIZER_CACHE (default ~/.cache/winnow/tokenizers) and checked against "
          + "its published SHA-256; offline, put <name>.tiktoken there.")
  String tokenizer;

  @Option(names = {"-o", "--output"}, required = true, paramLabel = "DIR",
      description = "Shard-set directory to create.")
  String output;

  @Option(names = "--heldout-fraction", paramLabel = "F", defaultValue = "0.01",
      description = "Share of documents held out (default: ${DEFAULT-VALUE}).")
  double heldoutFraction;

  @Option(names = "--salt", paramLabel = "S", defaultValue = TokenizeSpec.DEFAULT_SALT,
      description = "Salt of the held-out split's hash; another salt draws another held-out "
          + "set (default: ${DEFAULT-VALUE}).")
  String salt;

  @Option(names = "--seed", paramLabel = "N", defaultValue = "0",
      description = "Seed of the order of documents within the shards (default: "
          + "${DEFAULT-VALUE}); it never changes the split.")
  long seed;

  @Option(names = "--shard-tokens", paramLabel = "N", defaultValue = "67108864",
      description = "Target tokens per shard file, an upper bound: a file is closed before "
          + "the document that would take it past N (a larger document gets a file of its "
          + "own), and each input split's last file is smaller (default: ${DEFAULT-VALUE}).")
  long shardTokens;

  @Option(names = "--row-group-tokens", paramLabel = "N", defaultValue = "1048576",
      description = "Tokens per Parquet row group; the loader holds whole row groups in memory "
          + "(default: ${DEFAULT-VALUE}).")
  long rowGroupTokens;

  @Option(names = "--max-document-mb", paramLabel = "MB", defaultValue = "64",
      description = "Larger documents are rejected (default: ${DEFAULT-VALUE}).")
  int maxDocumentMb;

  @Option(names = "--decontaminate-ngrams", paramLabel = "N", defaultValue = "13",
      description = "Remove train documents that share word N-gram shingles with held-out "
          + "documents (default: ${DEFAULT-VALUE}; 0 turns it off).")
  int decontaminateNgrams;

  @Option(names = "--decontaminate-min-matches", paramLabel = "M", defaultValue = "1",
      description = "How many shared shingles make a train document contaminated (default: "
          + "${DEFAULT-VALUE}).")
  int decontaminateMinMatches;

  @Option(names = "--force", description = "Redo a finished output, or replace what is there.")
  boolean force;

  @Mixin SparkOptions sparkOptions;

  @Override
  public Integer call() {
    TokenizeSpec job = spec();
    try (SessionLease lease = SparkSessions.open("winnow tokenize", sparkOptions.master(),
        Map.of())) {
      TokenizeReport report =
          new TokenizeJob(lease.session(), spec.commandLine().getErr()).run(job);
      spec.commandLine().getOut().print(TokenizeSummary.render(report));
      spec.commandLine().getOut().flush();
    }
    return 0;
  }

  /** Validates the options before Spark starts, so usage errors come fast and exit with 2. */
  private TokenizeSpec spec() {
    if (!(heldoutFraction >= 0 && heldoutFraction < 1)) {
      throw usage("--heldout-fraction must be in [0, 1), got " + heldoutFraction);
    }
    if (shardTokens <= 0) {
      throw usage("--shard-tokens must be > 0, got " + shardTokens);
    }
    if (rowGroupTokens <= 0) {
      throw usage("--row-group-tokens must be > 0, got " + rowGroupTokens);
    }
    if (maxDocumentMb <= 0) {
      throw usage("--max-document-mb must be > 0, got " + maxDocumentMb);
    }
    List<String> paths = inputs.stream().map(String::strip).filter(s -> !s.isEmpty()).toList();
    if (paths.isEmpty()) {
      throw usage("--input names no path");
    }
    Optional<HeldoutDecontamination> decontamination = Optional.empty();
    if (decontaminateNgrams != 0) {
      try {
        decontamination = Optional.of(
            new HeldoutNgramOverlap(decontaminateNgrams, decontaminateMinMatches));
      } catch (IllegalArgumentException e) {
        throw usage("--decontaminate-ngrams / --decontaminate-min-matches: " + e.getMessage());
      }
    }
    return new TokenizeSpec(paths, output, tokenizer, heldoutFraction, salt, seed, shardTokens,
        rowGroupTokens, maxDocumentMb * MIB, force, decontamination);
  }

  private ParameterException usage(String message) {
    return new ParameterException(spec.commandLine(), message);
  }
}
