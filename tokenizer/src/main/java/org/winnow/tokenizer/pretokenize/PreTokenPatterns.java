package org.winnow.tokenizer.pretokenize;

import java.util.List;

/**
 * The published pre-tokenisation patterns, verbatim. The scanners in this package are duel-tested
 * against {@code java.util.regex} compiled from these strings.
 */
public final class PreTokenPatterns {

  /** GPT-2's pattern (OpenAI's {@code encoder.py}, Hugging Face's {@code ByteLevel} pre-tokenizer). */
  public static final String GPT2 =
      "'s|'t|'re|'ve|'m|'ll|'d| ?\\p{L}+| ?\\p{N}+| ?[^\\s\\p{L}\\p{N}]+|\\s+(?!\\S)|\\s+";

  /** tiktoken's {@code r50k_base} / {@code p50k_base} pattern (same splits as {@link #GPT2}). */
  public static final String R50K =
      "'(?:[sdmt]|ll|ve|re)| ?\\p{L}++| ?\\p{N}++| ?[^\\s\\p{L}\\p{N}]++|\\s++$|\\s+(?!\\S)|\\s";

  /** The form of {@link #R50K} that jtokkit compiles. */
  public static final String R50K_JTOKKIT =
      "'(?:[sdmt]|ll|ve|re)| ?\\p{L}+| ?\\p{N}+| ?[^\\s\\p{L}\\p{N}]+|\\s+(?!\\S)|\\s+";

  /** tiktoken's {@code cl100k_base} pattern. */
  public static final String CL100K =
      "'(?i:[sdmt]|ll|ve|re)|[^\\r\\n\\p{L}\\p{N}]?+\\p{L}++|\\p{N}{1,3}+| ?[^\\s\\p{L}\\p{N}]++[\\r\\n]*+"
          + "|\\s++$|\\s*[\\r\\n]|\\s+(?!\\S)|\\s";

  /**
   * {@link #CL100K} as Hugging Face tokenizers must be given it: Oniguruma reads {@code X{1,3}+} as
   * {@code (X{1,3})+} rather than as possessive, so the digits alternative drops the {@code +}
   * (which changes nothing in Java or tiktoken, as nothing follows it in its alternative).
   */
  public static final String CL100K_ONIGURUMA = CL100K.replace("\\p{N}{1,3}+", "\\p{N}{1,3}");

  /**
   * The earlier form of {@link #CL100K} (same splits), also the one Llama 3's {@code tokenizer.json}
   * carries.
   */
  public static final String CL100K_LEGACY =
      "(?i:'s|'t|'re|'ve|'m|'ll|'d)|[^\\r\\n\\p{L}\\p{N}]?\\p{L}+|\\p{N}{1,3}| ?[^\\s\\p{L}\\p{N}]+[\\r\\n]*"
          + "|\\s*[\\r\\n]+|\\s+(?!\\S)|\\s+";

  /** tiktoken's {@code o200k_base} pattern. */
  public static final String O200K = String.join("|", List.of(
      "[^\\r\\n\\p{L}\\p{N}]?[\\p{Lu}\\p{Lt}\\p{Lm}\\p{Lo}\\p{M}]*[\\p{Ll}\\p{Lm}\\p{Lo}\\p{M}]+"
          + "(?i:'s|'t|'re|'ve|'m|'ll|'d)?",
      "[^\\r\\n\\p{L}\\p{N}]?[\\p{Lu}\\p{Lt}\\p{Lm}\\p{Lo}\\p{M}]+[\\p{Ll}\\p{Lm}\\p{Lo}\\p{M}]*"
          + "(?i:'s|'t|'re|'ve|'m|'ll|'d)?",
      "\\p{N}{1,3}",
      " ?[^\\s\\p{L}\\p{N}]+[\\r\\n/]*",
      "\\s*[\\r\\n]+",
      "\\s+(?!\\S)",
      "\\s+"));

  private PreTokenPatterns() {}
}
