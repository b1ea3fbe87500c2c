package org.winnow.loader.manifest;

import com.fasterxml.jackson.core.JsonParser;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.winnow.loader.json.JsonObject;
import org.winnow.loader.shard.ShardException;
import org.winnow.loader.shard.Split;
import org.winnow.loader.store.ShardStore;

/**
 * {@code manifest.json} of a shard set (DESIGN.md, "Token shards"): the tokenizer's identity, each
 * split's shards and totals, and the configuration that produced them. Keys this record does not
 * know are ignored on read, so writers may add more.
 */
public record ShardManifest(TokenizerIdentity tokenizer, Map<String, SplitSummary> splits,
    Map<String, Object> config) {

  /** The file name of the manifest at the root of a shard set. */
  public static final String FILE_NAME = "manifest.json";

  public ShardManifest {
    Objects.requireNonNull(tokenizer, "manifest has no 'tokenizer'");
    splits = splits == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(splits));
    config = config == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(config));
  }

  /**
   * Parses a manifest.
   *
   * @param where the manifest's path, named in errors
   * @throws ShardException when the JSON is malformed or lacks a required key
   */
  public static ShardManifest parse(byte[] json, String where) {
    try (JsonParser p = JsonObject.parser(json)) {
      Object[] parts = {null, Map.of(), Map.of()};
      Set<String> seen = JsonObject.read(p, "manifest", (k, q) -> {
        switch (k) {
          case "tokenizer":
            parts[0] = TokenizerIdentity.read(q);
            return true;
          case "splits":
            parts[1] = JsonObject.map(q, "splits", SplitSummary::read);
            return true;
          case "config":
            parts[2] = JsonObject.value(q);
            return true;
          default:
            return false;
        }
      });
      JsonObject.end(p);
      JsonObject.require(seen, "manifest", "tokenizer", "splits");
      @SuppressWarnings("unchecked")
      Map<String, SplitSummary> splits = (Map<String, SplitSummary>) parts[1];
      if (!(parts[2] instanceof Map)) {
        throw new IllegalArgumentException("config: expected an object");
      }
      @SuppressWarnings("unchecked")
      Map<String, Object> config = (Map<String, Object>) parts[2];
      return new ShardManifest((TokenizerIdentity) parts[0], splits, config);
    } catch (IOException | IllegalArgumentException e) {
      throw new ShardException(where, "invalid manifest: " + e.getMessage(), e);
    }
  }

  /**
   * Reads {@code <root>/manifest.json} from {@code store}.
   *
   * @throws ShardException naming the manifest when it is missing, unreadable or invalid
   */
  public static ShardManifest read(ShardStore store, String root) {
    String where = store.resolve(root, FILE_NAME);
    byte[] json;
    try {
      json = store.readAll(where);
    } catch (NoSuchFileException | FileNotFoundException e) {
      throw new ShardException(where, "manifest is missing", e);
    } catch (IOException e) {
      throw new ShardException(where, "cannot read manifest: " + e.getMessage(), e);
    }
    return parse(json, where);
  }

  /** The manifest as indented JSON (UTF-8). */
  public byte[] toJson() {
    return JsonObject.write(true, g -> {
      g.writeStartObject();
      g.writeFieldName("tokenizer");
      tokenizer.write(g);
      g.writeObjectFieldStart("splits");
      for (Map.Entry<String, SplitSummary> e : splits.entrySet()) {
        g.writeFieldName(e.getKey());
        e.getValue().write(g);
      }
      g.writeEndObject();
      if (!config.isEmpty()) {
        g.writeFieldName("config");
        JsonObject.writeValue(g, config);
      }
      g.writeEndObject();
    });
  }

  /**
   * The summary of {@code split}.
   *
   * @throws ShardException naming {@code where} when the manifest has no such split
   */
  public SplitSummary split(Split split, String where) {
    SplitSummary s = splits.get(split.dirName());
    if (s == null) {
      throw new ShardException(where, "manifest has no split '" + split.dirName()
          + "' (it has " + splits.keySet() + ")", null);
    }
    return s;
  }

  /**
   * Refuses shards tokenized with another vocabulary.
   *
   * @throws TokenizerMismatchException when the manifest's tokenizer hash is not {@code sha256}
   */
  public void requireTokenizer(String sha256, String where) {
    if (!tokenizer.sha256().equalsIgnoreCase(sha256)) {
      throw new TokenizerMismatchException(where, sha256, tokenizer.sha256(), tokenizer.name());
    }
  }
}
