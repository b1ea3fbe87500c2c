package org.winnow.loader.manifest;

import static org.winnow.loader.json.JsonObject.intValue;
import static org.winnow.loader.json.JsonObject.stringValue;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import java.io.IOException;
import java.util.Locale;
import java.util.Set;
import org.winnow.loader.json.JsonObject;

/** Which tokenizer produced a shard set: name, vocabulary size, hash of the vocab file, EOT id. */
public record TokenizerIdentity(String name, int vocabSize, String sha256, int eotId) {

  public TokenizerIdentity {
    if (name == null || name.isEmpty()) {
      throw new IllegalArgumentException("tokenizer name is missing");
    }
    if (sha256 == null || !sha256.matches("(?i)[0-9a-f]{64}")) {
      throw new IllegalArgumentException("tokenizer sha256 is not 64 hex digits: " + sha256);
    }
    if (vocabSize <= 0) {
      throw new IllegalArgumentException("tokenizer vocab_size must be positive: " + vocabSize);
    }
    if (eotId < 0 || eotId >= vocabSize) {
      throw new IllegalArgumentException(
          "tokenizer eot_id " + eotId + " is outside the vocabulary of " + vocabSize);
    }
    sha256 = sha256.toLowerCase(Locale.ROOT);
  }

  static TokenizerIdentity read(JsonParser p) throws IOException {
    String[] name = new String[1];
    String[] sha = new String[1];
    int[] ints = new int[2];
    Set<String> seen = JsonObject.read(p, "tokenizer", (k, q) -> {
      switch (k) {
        case "name":
          name[0] = stringValue(q);
          return true;
        case "vocab_size":
          ints[0] = intValue(q);
          return true;
        case "sha256":
          sha[0] = stringValue(q);
          return true;
        case "eot_id":
          ints[1] = intValue(q);
          return true;
        default:
          return false;
      }
    });
    JsonObject.require(seen, "tokenizer", "name", "vocab_size", "sha256", "eot_id");
    return new TokenizerIdentity(name[0], ints[0], sha[0], ints[1]);
  }

  void write(JsonGenerator g) throws IOException {
    g.writeStartObject();
    g.writeStringField("name", name);
    g.writeNumberField("vocab_size", vocabSize);
    g.writeStringField("sha256", sha256);
    g.writeNumberField("eot_id", eotId);
    g.writeEndObject();
  }
}
