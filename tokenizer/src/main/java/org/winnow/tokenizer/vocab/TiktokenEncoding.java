package org.winnow.tokenizer.vocab;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.winnow.tokenizer.pretokenize.PreTokenPatterns;

/**
 * OpenAI's published encodings: the rank file comes from the user (or from {@link RankFileCache},
 * which fetches the published file), the pattern and the special tokens are defined here with the
 * values tiktoken publishes ({@code tiktoken_ext/openai_public.py}), and the rank count is checked
 * so a wrong file fails at load rather than encoding wrongly. The SHA-256 of each published rank
 * file is tiktoken's {@code expected_hash}.
 */
public enum TiktokenEncoding {

  /** GPT-2 and GPT-3. */
  R50K_BASE("r50k_base", PreTokenPatterns.R50K, 50_256, Map.of("<|endoftext|>", 50_256),
      "306cd27f03c1a714eca7108e03d66b7dc042abe8c258b44c199a7ed9838dd930"),
  /** Codex. */
  P50K_BASE("p50k_base", PreTokenPatterns.R50K, 50_280, Map.of("<|endoftext|>", 50_256),
      "94b5ca7dff4d00767bc256fdd1b27e5b17361d7b8a5f968547f9f23eb70d2069"),
  /** GPT-3.5 and GPT-4. */
  CL100K_BASE("cl100k_base", PreTokenPatterns.CL100K, 100_256, ordered(
      "<|endoftext|>", 100_257,
      "<|fim_prefix|>", 100_258,
      "<|fim_middle|>", 100_259,
      "<|fim_suffix|>", 100_260,
      "<|endofprompt|>", 100_276),
      "223921b76ee99bde995b7ff738513eef100fb51d18c93597a113bcffe865b2a7"),
  /** GPT-4o. */
  O200K_BASE("o200k_base", PreTokenPatterns.O200K, 199_998, ordered(
      "<|endoftext|>", 199_999,
      "<|endofprompt|>", 200_018),
      "446a9538cb6c348e3516120d7c08b09f57c36495e2acfffe59a5bf8b0cfb1a2d");

  private final String encodingName;
  private final String pattern;
  private final int rankCount;
  private final Map<String, Integer> specialTokens;
  private final String rankFileSha256;

  TiktokenEncoding(String encodingName, String pattern, int rankCount,
      Map<String, Integer> specialTokens, String rankFileSha256) {
    this.encodingName = encodingName;
    this.pattern = pattern;
    this.rankCount = rankCount;
    this.specialTokens = specialTokens;
    this.rankFileSha256 = rankFileSha256;
  }

  /** SHA-256 (hex) of the rank file OpenAI publishes for this encoding. */
  public String rankFileSha256() {
    return rankFileSha256;
  }

  /** The rank file's name: {@code <encoding>.tiktoken}. */
  public String rankFileName() {
    return encodingName + ".tiktoken";
  }

  private static Map<String, Integer> ordered(Object... pairs) {
    Map<String, Integer> map = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      map.put((String) pairs[i], (Integer) pairs[i + 1]);
    }
    return map;
  }

  /** tiktoken's name for the encoding, also the stem of its rank file. */
  public String encodingName() {
    return encodingName;
  }

  /** The pre-tokenisation pattern. */
  public String pattern() {
    return pattern;
  }

  /** Special token text to id. */
  public Map<String, Integer> specialTokens() {
    return specialTokens;
  }

  /** How many ranks the published rank file holds. */
  public int rankCount() {
    return rankCount;
  }

  /** The encoding named {@code name} ({@code "cl100k_base"}), if it is one of these. */
  public static Optional<TiktokenEncoding> byName(String name) {
    for (TiktokenEncoding e : values()) {
      if (e.encodingName.equals(name)) {
        return Optional.of(e);
      }
    }
    return Optional.empty();
  }

  /** This encoding with its ranks read from {@code rankFile}. */
  public BpeDefinition load(Path rankFile) throws IOException {
    try (InputStream in = Files.newInputStream(rankFile)) {
      return load(in, rankFile.toString());
    }
  }

  /** This encoding with its ranks read from {@code in}; {@code source} names it in errors. */
  public BpeDefinition load(InputStream in, String source) throws IOException {
    TiktokenRankFile.Ranks ranks = TiktokenRankFile.read(in, source);
    if (ranks.count() != rankCount) {
      throw new VocabFormatException(source, "whole file",
          encodingName + " has " + rankCount + " ranks, this file has " + ranks.count());
    }
    for (Map.Entry<String, Integer> special : specialTokens.entrySet()) {
      int id = special.getValue();
      if (id < ranks.byRank().length && ranks.byRank()[id] != null) {
        throw new VocabFormatException(source, "whole file",
            "rank " + id + " is taken, but " + encodingName + " reserves it for " + special.getKey());
      }
    }
    return BpeDefinition.ranked(encodingName, ranks.byRank(), specialTokens, pattern, ranks.sha256());
  }
}
