package org.winnow.jobs.tokenize;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.winnow.tokenizer.pretokenize.PreTokenPatterns;

/**
 * What {@code winnow train-tokenizer} does.
 *
 * @param inputs document datasets (Parquet)
 * @param output the directory to create, for {@code <name>.tiktoken} and {@code tokenizer.json}
 * @param name the vocabulary's name, recorded in the shards' manifests
 * @param vocabSize ids in all: 256 bytes, the learned merges and {@code <|endoftext|>}
 * @param pattern {@code gpt2}, {@code cl100k} or {@code o200k}: the pre-tokenisation pattern
 * @param force redo a finished output
 */
public record TrainTokenizerSpec(List<String> inputs, String output, String name, int vocabSize,
    String pattern, boolean force) {

  public TrainTokenizerSpec {
    inputs = List.copyOf(inputs);
    Objects.requireNonNull(output, "output");
    Objects.requireNonNull(name, "name");
    if (inputs.isEmpty()) {
      throw new IllegalArgumentException("no input given");
    }
    if (!name.matches("[A-Za-z0-9_.-]+")) {
      throw new IllegalArgumentException("vocabulary name must be letters, digits, '_', '.' or "
          + "'-', got '" + name + "'");
    }
    patternOf(pattern);
  }

  /** The regular expression of a pattern name. */
  public static String patternOf(String name) {
    return switch (name.toLowerCase(Locale.ROOT)) {
      case "gpt2" -> PreTokenPatterns.GPT2;
      case "cl100k" -> PreTokenPatterns.CL100K;
      case "o200k" -> PreTokenPatterns.O200K;
      default -> throw new IllegalArgumentException("unknown pattern '" + name
          + "': expected gpt2, cl100k or o200k");
    };
  }

  /** The pre-tokenisation regular expression. */
  public String regex() {
    return patternOf(pattern);
  }

  /** The rank file's name in the output directory. */
  public String rankFileName() {
    return name + ".tiktoken";
  }
}
