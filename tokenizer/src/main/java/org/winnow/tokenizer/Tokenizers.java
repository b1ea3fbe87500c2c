package org.winnow.tokenizer;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.winnow.tokenizer.vocab.BpeDefinition;
import org.winnow.tokenizer.vocab.Gpt2VocabFiles;
import org.winnow.tokenizer.vocab.TiktokenEncoding;
import org.winnow.tokenizer.vocab.TiktokenRankFile;
import org.winnow.tokenizer.vocab.TokenizerJsonReader;
import org.winnow.tokenizer.vocab.VocabFormatException;

/**
 * Loads tokenizers from the vocabulary files users hand over.
 *
 * <p>{@link #open} decides by shape: a {@code *.json} file is a Hugging Face
 * {@code tokenizer.json}; a {@code <encoding>.tiktoken} file is the rank file of that OpenAI
 * encoding ({@code r50k_base.tiktoken}, {@code cl100k_base.tiktoken}, ...); a directory holds
 * either a {@code tokenizer.json} or GPT-2's {@code encoder.json} and {@code vocab.bpe}.
 */
public final class Tokenizers {

  private static final Map<Path, Tokenizer> SHARED = new ConcurrentHashMap<>();

  private Tokenizers() {}

  /** An OpenAI encoding with its ranks from {@code rankFile}. */
  public static Tokenizer tiktoken(TiktokenEncoding encoding, Path rankFile) throws IOException {
    return build(encoding.load(rankFile), rankFile);
  }

  /** A rank file with the given pattern and special tokens (for vocabularies trained here). */
  public static Tokenizer tiktoken(Path rankFile, String pattern, Map<String, Integer> specialTokens)
      throws IOException {
    TiktokenRankFile.Ranks ranks = TiktokenRankFile.read(rankFile);
    String name = rankFile.getFileName().toString().replaceFirst("\\.tiktoken$", "");
    return build(BpeDefinition.ranked(name, ranks.byRank(), specialTokens, pattern, ranks.sha256()), rankFile);
  }

  /** A Hugging Face {@code tokenizer.json} of byte-level BPE. */
  public static Tokenizer huggingFace(Path tokenizerJson) throws IOException {
    return build(TokenizerJsonReader.read(tokenizerJson), tokenizerJson);
  }

  /** GPT-2's {@code encoder.json} and {@code vocab.bpe}. */
  public static Tokenizer gpt2(Path encoderJson, Path vocabBpe) throws IOException {
    return build(Gpt2VocabFiles.read(encoderJson, vocabBpe), encoderJson);
  }

  /** The tokenizer at {@code path}, by its shape (see the class comment). */
  public static Tokenizer open(Path path) throws IOException {
    if (Files.isDirectory(path)) {
      if (Files.isRegularFile(path.resolve("tokenizer.json"))) {
        return huggingFace(path.resolve("tokenizer.json"));
      }
      if (Files.isRegularFile(path.resolve("encoder.json")) && Files.isRegularFile(path.resolve("vocab.bpe"))) {
        return gpt2(path.resolve("encoder.json"), path.resolve("vocab.bpe"));
      }
      throw new VocabFormatException(path.toString(), "directory",
          "holds neither tokenizer.json nor encoder.json + vocab.bpe");
    }
    String fileName = path.getFileName().toString();
    if (fileName.endsWith(".json")) {
      return huggingFace(path);
    }
    if (fileName.endsWith(".tiktoken")) {
      return tiktoken(encodingOf(fileName, path.toString()), path);
    }
    throw new VocabFormatException(path.toString(), "file name",
        "not a tokenizer: expected *.json, <encoding>.tiktoken or a directory");
  }

  /**
   * The tokenizer in {@code content}, recognised by {@code fileName} as {@link #open} recognises a
   * file ({@code *.json} or {@code <encoding>.tiktoken}): for vocabularies that arrive as bytes,
   * such as a Spark broadcast or a file read through a Hadoop file system.
   */
  public static Tokenizer read(String fileName, byte[] content) throws IOException {
    if (fileName.endsWith(".json")) {
      String name = fileName.replaceFirst("\\.json$", "");
      return build(TokenizerJsonReader.read(content, fileName, name), fileName);
    }
    if (fileName.endsWith(".tiktoken")) {
      TiktokenEncoding encoding = encodingOf(fileName, fileName);
      return build(encoding.load(new ByteArrayInputStream(content), fileName), fileName);
    }
    throw new VocabFormatException(fileName, "file name", "not a tokenizer: expected *.json or <encoding>.tiktoken");
  }

  /**
   * The tokenizer at {@code path}, loaded once per JVM and then shared: what a Spark task calls,
   * so that every task on an executor uses one copy of the tables.
   *
   * @throws UncheckedIOException if the file cannot be read or is not a tokenizer
   */
  public static Tokenizer shared(Path path) {
    return SHARED.computeIfAbsent(path.toAbsolutePath().normalize(), p -> {
      try {
        return open(p);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    });
  }

  private static TiktokenEncoding encodingOf(String fileName, String source) throws VocabFormatException {
    String stem = fileName.substring(0, fileName.length() - ".tiktoken".length());
    return TiktokenEncoding.byName(stem).orElseThrow(() -> new VocabFormatException(
        source, "file name", "'" + stem + "' is not a known encoding ("
            + Arrays.stream(TiktokenEncoding.values()).map(TiktokenEncoding::encodingName)
                .collect(Collectors.joining(", "))
            + "); load a trained rank file with Tokenizers.tiktoken(file, pattern, specials)"));
  }

  private static Tokenizer build(BpeDefinition definition, Path source) throws VocabFormatException {
    return build(definition, source.toString());
  }

  private static Tokenizer build(BpeDefinition definition, String source) throws VocabFormatException {
    try {
      return Tokenizer.of(definition);
    } catch (IllegalArgumentException e) {
      throw new VocabFormatException(source, "vocabulary", e.getMessage());
    }
  }
}
