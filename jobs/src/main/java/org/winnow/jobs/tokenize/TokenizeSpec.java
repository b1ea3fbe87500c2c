package org.winnow.jobs.tokenize;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What {@code winnow tokenize} does: which documents, which vocabulary, where the shards go, and
 * the knobs of the split and of the order within shards.
 *
 * @param inputs document datasets (Parquet directories or files; Hadoop URIs or local paths)
 * @param output the shard-set directory to create
 * @param tokenizer a {@code tokenizer.json}, an {@code <encoding>.tiktoken} file or a GPT-2
 *     directory
 * @param heldoutFraction share of documents held out, in [0, 1)
 * @param salt mixed into the split hash of {@code doc_id}
 * @param seed mixed into the hash of {@code doc_id} that orders documents within the shards
 * @param shardTokens target tokens per shard file, an upper bound: a task closes a file before
 *     the document that would take it past this (a larger document gets a file of its own), and
 *     each task's last file of a split is smaller
 * @param rowGroupTokens tokens after which a Parquet row group closes (the loader holds whole row
 *     groups in memory)
 * @param maxDocumentBytes larger documents are rejected as {@code too_large}
 * @param force redo a finished output
 * @param decontamination removes train documents that overlap held-out ones, when given
 */
public record TokenizeSpec(List<String> inputs, String output, String tokenizer,
    double heldoutFraction, String salt, long seed, long shardTokens, long rowGroupTokens,
    long maxDocumentBytes, boolean force, Optional<HeldoutDecontamination> decontamination) {

  public static final double DEFAULT_HELDOUT_FRACTION = 0.01;
  public static final String DEFAULT_SALT = "winnow-heldout";
  public static final long DEFAULT_SHARD_TOKENS = 64L << 20;
  public static final long DEFAULT_ROW_GROUP_TOKENS = 1L << 20;
  public static final long DEFAULT_MAX_DOCUMENT_BYTES = 64L << 20;

  public TokenizeSpec {
    inputs = List.copyOf(inputs);
    Objects.requireNonNull(output, "output");
    Objects.requireNonNull(tokenizer, "tokenizer");
    Objects.requireNonNull(salt, "salt");
    Objects.requireNonNull(decontamination, "decontamination");
    if (inputs.isEmpty()) {
      throw new IllegalArgumentException("no input given");
    }
    if (!(heldoutFraction >= 0 && heldoutFraction < 1)) {
      throw new IllegalArgumentException("held-out fraction must be in [0, 1), got "
          + heldoutFraction);
    }
    if (shardTokens <= 0 || rowGroupTokens <= 0 || maxDocumentBytes <= 0) {
      throw new IllegalArgumentException("shard tokens, row group tokens and the maximum "
          + "document size must be positive, got " + shardTokens + ", " + rowGroupTokens + ", "
          + maxDocumentBytes);
    }
  }

  /** The defaults: 1% held out, 64 Mi tokens per shard, 1 Mi per row group, 64 MiB documents. */
  public static TokenizeSpec of(List<String> inputs, String output, String tokenizer) {
    return new TokenizeSpec(inputs, output, tokenizer, DEFAULT_HELDOUT_FRACTION, DEFAULT_SALT, 0,
        DEFAULT_SHARD_TOKENS, DEFAULT_ROW_GROUP_TOKENS, DEFAULT_MAX_DOCUMENT_BYTES, false,
        Optional.empty());
  }

  public TokenizeSpec withHeldoutFraction(double f) {
    return new TokenizeSpec(inputs, output, tokenizer, f, salt, seed, shardTokens,
        rowGroupTokens, maxDocumentBytes, force, decontamination);
  }

  public TokenizeSpec withSalt(String s) {
    return new TokenizeSpec(inputs, output, tokenizer, heldoutFraction, s, seed, shardTokens,
        rowGroupTokens, maxDocumentBytes, force, decontamination);
  }

  public TokenizeSpec withSeed(long s) {
    return new TokenizeSpec(inputs, output, tokenizer, heldoutFraction, salt, s, shardTokens,
        rowGroupTokens, maxDocumentBytes, force, decontamination);
  }

  public TokenizeSpec withShardTokens(long n) {
    return new TokenizeSpec(inputs, output, tokenizer, heldoutFraction, salt, seed, n,
        rowGroupTokens, maxDocumentBytes, force, decontamination);
  }

  public TokenizeSpec withRowGroupTokens(long n) {
    return new TokenizeSpec(inputs, output, tokenizer, heldoutFraction, salt, seed, shardTokens,
        n, maxDocumentBytes, force, decontamination);
  }

  public TokenizeSpec withMaxDocumentBytes(long n) {
    return new TokenizeSpec(inputs, output, tokenizer, heldoutFraction, salt, seed, shardTokens,
        rowGroupTokens, n, force, decontamination);
  }

  public TokenizeSpec withForce(boolean f) {
    return new TokenizeSpec(inputs, output, tokenizer, heldoutFraction, salt, seed, shardTokens,
        rowGroupTokens, maxDocumentBytes, f, decontamination);
  }

  /** With {@code d} removing train documents that overlap held-out ones. */
  public TokenizeSpec withDecontamination(HeldoutDecontamination d) {
    return new TokenizeSpec(inputs, output, tokenizer, heldoutFraction, salt, seed, shardTokens,
        rowGroupTokens, maxDocumentBytes, force, Optional.of(d));
  }

  /** The split and order function this spec defines. */
  public DocumentPlacement placement() {
    return new DocumentPlacement(salt, heldoutFraction, seed);
  }
}
