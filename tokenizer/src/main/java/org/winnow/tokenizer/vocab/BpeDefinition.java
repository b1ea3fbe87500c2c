package org.winnow.tokenizer.vocab;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * A byte-level BPE vocabulary independent of the file it came from: the ordinary tokens by id,
 * how they merge, the special tokens and the pre-tokenisation pattern. Every reader produces one,
 * the trainer produces one, both writers take one, and a {@code Tokenizer} is built from one.
 *
 * <p>Merging follows one of two rules. <em>Ranked</em> (tiktoken rank files): ids are ranks and any
 * adjacent pair whose concatenation is a token merges. <em>Listed</em> (GPT-2 {@code vocab.bpe},
 * Hugging Face {@code tokenizer.json}, the trainer): only the listed pairs merge, in list order.
 */
public final class BpeDefinition {

  private final String name;
  private final byte[][] tokens;
  private final int[] mergeLefts;
  private final int[] mergeRights;
  private final boolean ignoreMerges;
  private final Map<String, Integer> specialTokens;
  private final String pattern;
  private final String sha256;

  private BpeDefinition(String name, byte[][] tokens, int[] mergeLefts, int[] mergeRights,
      boolean ignoreMerges, Map<String, Integer> specialTokens, String pattern, String sha256) {
    this.name = Objects.requireNonNull(name, "name");
    this.tokens = tokens;
    this.mergeLefts = mergeLefts;
    this.mergeRights = mergeRights;
    this.ignoreMerges = ignoreMerges;
    this.specialTokens = Collections.unmodifiableMap(new LinkedHashMap<>(specialTokens));
    this.pattern = Objects.requireNonNull(pattern, "pattern");
    this.sha256 = Objects.requireNonNull(sha256, "sha256");
    for (Map.Entry<String, Integer> special : this.specialTokens.entrySet()) {
      int id = special.getValue();
      if (id < 0) {
        throw new IllegalArgumentException("special token " + special.getKey() + " has negative id " + id);
      }
      // Hugging Face files may list a special token in the model vocabulary too, with its own text.
      if (id < tokens.length && tokens[id] != null
          && !Arrays.equals(tokens[id], special.getKey().getBytes(StandardCharsets.UTF_8))) {
        throw new IllegalArgumentException("special token " + special.getKey() + " has id " + id
            + ", which is already an ordinary token");
      }
    }
  }

  /** A ranked vocabulary: {@code ranks[r]} is the token of rank and id {@code r}. */
  public static BpeDefinition ranked(String name, byte[][] ranks, Map<String, Integer> specialTokens,
      String pattern, String sha256) {
    return new BpeDefinition(name, ranks, null, null, false, specialTokens, pattern, sha256);
  }

  /**
   * A listed vocabulary: {@code tokens[id]}, and merge {@code i} joining ids {@code lefts[i]} and
   * {@code rights[i]} with priority {@code i}.
   */
  public static BpeDefinition listed(String name, byte[][] tokens, int[] lefts, int[] rights,
      boolean ignoreMerges, Map<String, Integer> specialTokens, String pattern, String sha256) {
    if (lefts.length != rights.length) {
      throw new IllegalArgumentException(lefts.length + " left ids but " + rights.length + " right ids");
    }
    return new BpeDefinition(name, tokens, lefts, rights, ignoreMerges, specialTokens, pattern, sha256);
  }

  /** A short name: the encoding's (r50k_base) or the file's. */
  public String name() {
    return name;
  }

  /** The ordinary tokens by id ({@code null} where an id has none); the array is shared, do not modify. */
  public byte[][] tokens() {
    return tokens;
  }

  /** Whether merges follow a list ({@link #mergeLefts}) rather than ranks. */
  public boolean isListed() {
    return mergeLefts != null;
  }

  /** The left ids of the merge list, in priority order; only for a listed vocabulary. */
  public int[] mergeLefts() {
    return requireListed(mergeLefts);
  }

  /** The right ids of the merge list, in priority order; only for a listed vocabulary. */
  public int[] mergeRights() {
    return requireListed(mergeRights);
  }

  private int[] requireListed(int[] ids) {
    if (ids == null) {
      throw new IllegalStateException(name + " is a ranked vocabulary: it has no merge list");
    }
    return ids;
  }

  /** Hugging Face's {@code ignore_merges}: a piece that is a token maps to it directly. */
  public boolean ignoreMerges() {
    return ignoreMerges;
  }

  /** Special token text to id, in declaration order. */
  public Map<String, Integer> specialTokens() {
    return specialTokens;
  }

  /** The id of {@code <|endoftext|>}, if the vocabulary has it. */
  public OptionalInt endOfTextId() {
    Integer id = specialTokens.get("<|endoftext|>");
    return id == null ? OptionalInt.empty() : OptionalInt.of(id);
  }

  /** The pre-tokenisation pattern. */
  public String pattern() {
    return pattern;
  }

  /** The SHA-256 (hex) of the file(s) the vocabulary was read from, or of its rank file form. */
  public String sha256() {
    return sha256;
  }

  /** One more than the largest id, ordinary or special. */
  public int vocabSize() {
    int size = tokens.length;
    for (int id : specialTokens.values()) {
      size = Math.max(size, id + 1);
    }
    return size;
  }
}
