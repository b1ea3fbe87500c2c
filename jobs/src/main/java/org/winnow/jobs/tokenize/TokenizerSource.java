package org.winnow.jobs.tokenize;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.winnow.tokenizer.Tokenizer;
import org.winnow.tokenizer.TokenizerIdentity;
import org.winnow.tokenizer.Tokenizers;
import org.winnow.tokenizer.vocab.Gpt2VocabFiles;
import org.winnow.tokenizer.vocab.RankFileCache;
import org.winnow.tokenizer.vocab.TiktokenEncoding;
import org.winnow.tokenizer.vocab.TokenizerJsonReader;
import org.winnow.tokenizer.vocab.TokenizerJsonWriter;

/**
 * A vocabulary as bytes, resolved once on the driver and broadcast, so that executors on other
 * machines need no access to the file the user named. Each JVM builds the tokenizer once per
 * vocabulary and shares it between its tasks ({@link Tokenizer} is thread-safe).
 */
public final class TokenizerSource implements Serializable {
  private static final long serialVersionUID = 1L;
  private static final Map<String, Tokenizer> LOADED = new ConcurrentHashMap<>();

  private final String fileName;
  private final byte[] content;
  private final String key;

  private TokenizerSource(String fileName, byte[] content) {
    this.fileName = fileName;
    this.content = content;
    this.key = fileName + ":" + sha256(content);
  }

  /**
   * The vocabulary at {@code location}: a {@code tokenizer.json}, an {@code <encoding>.tiktoken}
   * rank file, or a directory with a {@code tokenizer.json} or GPT-2's {@code encoder.json} and
   * {@code vocab.bpe}; a local path or a Hadoop URI (files only). A published encoding's name
   * ({@code r50k_base}, {@code p50k_base}, {@code cl100k_base}, {@code o200k_base}) that is not
   * also a local path means its rank file from the {@link RankFileCache}.
   *
   * @throws IOException naming the location when it holds no tokenizer
   */
  public static TokenizerSource resolve(String location, Configuration hadoop) throws IOException {
    Optional<Path> published = publishedRankFile(location);
    if (published.isPresent()) {
      Path file = published.get();
      return new TokenizerSource(file.getFileName().toString(), Files.readAllBytes(file));
    }
    Path local = localPath(location);
    if (local != null && Files.isDirectory(local)) {
      if (Files.isRegularFile(local.resolve("tokenizer.json"))) {
        return new TokenizerSource("tokenizer.json",
            Files.readAllBytes(local.resolve("tokenizer.json")));
      }
      Path encoder = local.resolve("encoder.json");
      Path merges = local.resolve("vocab.bpe");
      if (Files.isRegularFile(encoder) && Files.isRegularFile(merges)) {
        // Executors get the same vocabulary as one tokenizer.json; its ids are the same.
        ByteArrayOutputStream json = new ByteArrayOutputStream();
        TokenizerJsonWriter.write(Gpt2VocabFiles.read(encoder, merges), json);
        return new TokenizerSource("gpt2.json", json.toByteArray());
      }
      throw new IOException(location + ": directory holds neither tokenizer.json nor "
          + "encoder.json + vocab.bpe");
    }
    if (local != null && Files.isRegularFile(local)) {
      return new TokenizerSource(local.getFileName().toString(), Files.readAllBytes(local));
    }
    if (local != null) {
      throw new IOException("no tokenizer at " + location + ": give a tokenizer.json, an "
          + "<encoding>.tiktoken rank file (r50k_base, cl100k_base, o200k_base) or a directory "
          + "holding GPT-2's encoder.json and vocab.bpe");
    }
    org.apache.hadoop.fs.Path path = new org.apache.hadoop.fs.Path(location);
    FileSystem fs = path.getFileSystem(hadoop);
    try (InputStream in = fs.open(path)) {
      return new TokenizerSource(path.getName(), in.readAllBytes());
    }
  }

  /** The tokenizer of these bytes, built once per JVM. */
  public Tokenizer tokenizer() {
    return LOADED.computeIfAbsent(key, k -> {
      try {
        return Tokenizers.read(fileName, content);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    });
  }

  /**
   * The tokenizer as the user named it, for the manifest: its name and hash are those of the
   * files given (a GPT-2 directory is hashed as its two files, not as the converted JSON). Only a
   * GPT-2 directory is read a second time; a single file was resolved as its own bytes, so the
   * built tokenizer has its hash and ids and only the name, taken from the path as
   * {@link Tokenizers#open} takes it, can differ. (Parsing GPT-2's vocabulary again cost the
   * driver 0.2 s a run warm, 0.55 s cold, before the first task.)
   */
  public static TokenizerIdentity identityOf(String location, TokenizerSource resolved)
      throws IOException {
    TokenizerIdentity built;
    try {
      built = resolved.tokenizer().identity();
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
    Path local = localPath(location);
    if (local == null || !Files.exists(local)) {
      return built;
    }
    Path json = Files.isDirectory(local) ? local.resolve("tokenizer.json") : local;
    if (Files.isDirectory(local) && !Files.isRegularFile(json)) {
      return Tokenizers.open(local).identity();
    }
    String name = json.getFileName().toString().endsWith(".json")
        ? TokenizerJsonReader.nameOf(json) : built.name();
    return new TokenizerIdentity(name, built.vocabSize(), built.sha256(), built.endOfTextId());
  }

  /** The cached rank file when {@code location} names a published encoding, not a local file. */
  private static Optional<Path> publishedRankFile(String location) throws IOException {
    Optional<TiktokenEncoding> encoding = TiktokenEncoding.byName(location);
    if (encoding.isEmpty() || Files.exists(Path.of(location))) {
      return Optional.empty();
    }
    return Optional.of(RankFileCache.fromEnvironment().rankFile(encoding.get()));
  }

  private static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }

  private static Path localPath(String location) {
    URI uri;
    try {
      uri = URI.create(location);
    } catch (IllegalArgumentException e) {
      return Path.of(location);
    }
    if (uri.getScheme() == null || uri.getScheme().length() == 1) {
      return Path.of(location);
    }
    return "file".equals(uri.getScheme()) ? Path.of(uri) : null;
  }
}
