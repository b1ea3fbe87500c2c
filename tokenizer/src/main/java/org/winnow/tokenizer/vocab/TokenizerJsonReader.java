package org.winnow.tokenizer.vocab;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import org.winnow.tokenizer.pretokenize.PreTokenPatterns;
import org.winnow.tokenizer.pretokenize.PreTokenizers;

/**
 * Reads a Hugging Face {@code tokenizer.json} of byte-level BPE: model {@code BPE}, pre-tokenizer
 * {@code ByteLevel} (with its built-in GPT-2 regex) or {@code Split} on a regex followed by
 * {@code ByteLevel} without one, decoder {@code ByteLevel} or none. Anything that would change the
 * ids (another model, a normalizer, dropout, a prefix space, subword affixes, byte fallback,
 * non-special added tokens) is refused with {@link UnsupportedTokenizerException} rather than
 * ignored. The post-processor and truncation/padding settings are ignored: this library never
 * adds tokens around a text and never truncates it.
 */
public final class TokenizerJsonReader {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private TokenizerJsonReader() {}

  /** The vocabulary of {@code file}, named after the file. */
  public static BpeDefinition read(Path file) throws IOException {
    byte[] bytes = Files.readAllBytes(file);
    return read(bytes, file.toString(), nameOf(file));
  }

  /** The vocabulary in {@code json}; {@code source} names it in errors. */
  public static BpeDefinition read(byte[] json, String source, String name) throws IOException {
    JsonNode root;
    try {
      root = MAPPER.readTree(json);
    } catch (JsonProcessingException e) {
      long line = e.getLocation() == null ? -1 : e.getLocation().getLineNr();
      throw new VocabFormatException(source, line, "not JSON: " + e.getOriginalMessage());
    }
    if (root == null || !root.isObject()) {
      throw new VocabFormatException(source, "$", "not a JSON object");
    }
    return new Parse(source, name, root, Sha256.of(json)).definition();
  }

  /** The name a vocabulary read from {@code file} gets: a {@code tokenizer.json} its folder's. */
  public static String nameOf(Path file) {
    Path parent = file.toAbsolutePath().getParent();
    String fileName = file.getFileName().toString();
    return fileName.equals("tokenizer.json") && parent != null && parent.getFileName() != null
        ? parent.getFileName().toString()
        : fileName.replaceFirst("\\.json$", "");
  }

  /** One file's parse, so the source name travels with every check. */
  private static final class Parse {
    private final String source;
    private final String name;
    private final JsonNode root;
    private final String sha256;

    Parse(String source, String name, JsonNode root, String sha256) {
      this.source = source;
      this.name = name;
      this.root = root;
      this.sha256 = sha256;
    }

    BpeDefinition definition() throws VocabFormatException {
      JsonNode model = object(root.get("model"), "model");
      String type = model.path("type").asText("BPE");
      if (!type.equals("BPE")) {
        throw unsupported("model.type", "model type '" + type + "' (only BPE is supported)");
      }
      requireNullOrAbsent(root, "normalizer", "a normalizer");
      requireNullOrAbsent(model, "dropout", "BPE dropout");
      requireEmpty(model, "continuing_subword_prefix");
      requireEmpty(model, "end_of_word_suffix");
      if (model.path("byte_fallback").asBoolean(false)) {
        throw unsupported("model.byte_fallback", "byte fallback");
      }
      checkDecoder(root.get("decoder"));
      String pattern = pattern(root.get("pre_tokenizer"));
      Map<String, Integer> specials = specialTokens(root.get("added_tokens"));

      JsonNode vocabNode = object(model.get("vocab"), "model.vocab");
      Map<String, Integer> vocab = new HashMap<>(vocabNode.size() * 2);
      int maxId = -1;
      for (Iterator<Map.Entry<String, JsonNode>> it = vocabNode.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> entry = it.next();
        if (!entry.getValue().canConvertToInt() || entry.getValue().asInt() < 0) {
          throw new VocabFormatException(source, "model.vocab[\"" + entry.getKey() + "\"]", "id is not a non-negative integer");
        }
        vocab.put(entry.getKey(), entry.getValue().asInt());
        maxId = Math.max(maxId, entry.getValue().asInt());
      }
      byte[][] tokens = new byte[maxId + 1][];
      String[] spelled = new String[maxId + 1];
      for (Map.Entry<String, Integer> entry : vocab.entrySet()) {
        int id = entry.getValue();
        if (spelled[id] != null) {
          throw new VocabFormatException(source, "model.vocab", "id " + id + " is used by both '" + spelled[id]
              + "' and '" + entry.getKey() + "'");
        }
        spelled[id] = entry.getKey();
        byte[] bytes = ByteLevelAlphabet.decode(entry.getKey());
        if (bytes == null) {
          if (!Integer.valueOf(id).equals(specials.get(entry.getKey()))) {
            throw unsupported("model.vocab[\"" + entry.getKey() + "\"]",
                "token not spelled in the byte-level alphabet");
          }
        } else if (bytes.length > 0) {
          tokens[id] = bytes;
        }
      }

      JsonNode mergesNode = model.get("merges");
      if (mergesNode == null || !mergesNode.isArray()) {
        throw new VocabFormatException(source, "model.merges", "missing or not an array");
      }
      int[] lefts = new int[mergesNode.size()];
      int[] rights = new int[mergesNode.size()];
      for (int i = 0; i < mergesNode.size(); i++) {
        String[] pair = mergePair(mergesNode.get(i), i);
        String where = "model.merges[" + i + "]";
        lefts[i] = idOf(vocab, pair[0], where);
        rights[i] = idOf(vocab, pair[1], where);
        if (!vocab.containsKey(pair[0] + pair[1])) {
          throw new VocabFormatException(source, where, "merge result '" + pair[0] + pair[1] + "' is not in the vocabulary");
        }
      }
      boolean ignoreMerges = model.path("ignore_merges").asBoolean(false);
      try {
        return BpeDefinition.listed(name, tokens, lefts, rights, ignoreMerges, specials, pattern, sha256);
      } catch (IllegalArgumentException e) {
        throw new VocabFormatException(source, "model", e.getMessage());
      }
    }

    private String pattern(JsonNode pre) throws VocabFormatException {
      if (pre == null || pre.isNull()) {
        throw unsupported("pre_tokenizer", "no pre-tokenizer (byte-level BPE needs ByteLevel)");
      }
      String type = pre.path("type").asText("");
      if (type.equals("ByteLevel")) {
        checkPrefixSpace(pre, "pre_tokenizer");
        if (!pre.path("use_regex").asBoolean(true)) {
          throw unsupported("pre_tokenizer.use_regex", "ByteLevel without a regex and without a Split before it");
        }
        return PreTokenPatterns.GPT2;
      }
      if (type.equals("Sequence")) {
        JsonNode steps = pre.path("pretokenizers");
        if (steps.size() == 2 && steps.get(0).path("type").asText("").equals("Split")
            && steps.get(1).path("type").asText("").equals("ByteLevel")) {
          JsonNode split = steps.get(0);
          JsonNode byteLevel = steps.get(1);
          checkPrefixSpace(byteLevel, "pre_tokenizer.pretokenizers[1]");
          if (byteLevel.path("use_regex").asBoolean(true)) {
            throw unsupported("pre_tokenizer.pretokenizers[1].use_regex", "a Split followed by ByteLevel's own regex");
          }
          if (!split.path("behavior").asText("").equals("Isolated") || split.path("invert").asBoolean(false)) {
            throw unsupported("pre_tokenizer.pretokenizers[0]", "Split behaviour other than Isolated, or inverted");
          }
          JsonNode regex = split.path("pattern").get("Regex");
          if (regex == null || !regex.isTextual()) {
            throw unsupported("pre_tokenizer.pretokenizers[0].pattern", "a Split on anything but a Regex");
          }
          return javaCompatible(regex.asText(), "pre_tokenizer.pretokenizers[0].pattern.Regex");
        }
      }
      throw unsupported("pre_tokenizer", "pre-tokenizer " + pre);
    }

    /**
     * The pattern, if Java's regex reads it as Oniguruma (which Hugging Face uses) does. The known
     * patterns are; of the rest, those with the constructs the two engines read differently are
     * refused: {@code {n,m}+} (possessive in Java, a repeated group in Oniguruma), {@code $} (end of
     * input in Java, end of any line in Oniguruma) and {@code \h} (horizontal space in Java, a hex
     * digit in Oniguruma).
     */
    private String javaCompatible(String pattern, String where) throws VocabFormatException {
      if (PreTokenizers.hasScanner(pattern)) {
        return pattern;
      }
      if (pattern.contains("}+") || pattern.contains("$") || pattern.contains("\\h") || pattern.contains("\\H")) {
        throw unsupported(where, "pattern with a construct Java and Oniguruma read differently ({n,m}+, $ or \\h): "
            + pattern);
      }
      try {
        PreTokenizers.regex(pattern);
      } catch (IllegalArgumentException e) {
        throw new VocabFormatException(source, where, e.getMessage());
      }
      return pattern;
    }

    private void checkPrefixSpace(JsonNode byteLevel, String where) throws VocabFormatException {
      if (byteLevel.path("add_prefix_space").asBoolean(false)) {
        throw unsupported(where + ".add_prefix_space", "add_prefix_space (it would break decode(encode(s)) == s)");
      }
    }

    private void checkDecoder(JsonNode decoder) throws VocabFormatException {
      if (decoder == null || decoder.isNull()) {
        return;
      }
      if (!decoder.path("type").asText("").equals("ByteLevel")) {
        throw unsupported("decoder", "decoder " + decoder.path("type").asText("?") + " (only ByteLevel)");
      }
    }

    private Map<String, Integer> specialTokens(JsonNode added) throws VocabFormatException {
      Map<String, Integer> specials = new LinkedHashMap<>();
      if (added == null || added.isNull()) {
        return specials;
      }
      for (int i = 0; i < added.size(); i++) {
        JsonNode token = added.get(i);
        String where = "added_tokens[" + i + "]";
        if (!token.path("content").isTextual() || !token.path("id").canConvertToInt()) {
          throw new VocabFormatException(source, where, "needs a textual content and an integer id");
        }
        if (!token.path("special").asBoolean(false)) {
          throw unsupported(where, "non-special added token '" + token.path("content").asText() + "'");
        }
        for (String flag : new String[] {"single_word", "lstrip", "rstrip"}) {
          if (token.path(flag).asBoolean(false)) {
            throw unsupported(where + "." + flag, flag + " on special token '" + token.path("content").asText() + "'");
          }
        }
        specials.put(token.path("content").asText(), token.path("id").asInt());
      }
      return specials;
    }

    private String[] mergePair(JsonNode merge, int i) throws VocabFormatException {
      String where = "model.merges[" + i + "]";
      if (merge.isTextual()) {
        String text = merge.asText();
        int space = text.indexOf(' ');
        if (space <= 0 || space == text.length() - 1 || text.indexOf(' ', space + 1) >= 0) {
          throw new VocabFormatException(source, where, "expected 'left right', got '" + text + "'");
        }
        return new String[] {text.substring(0, space), text.substring(space + 1)};
      }
      if (merge.isArray() && merge.size() == 2 && merge.get(0).isTextual() && merge.get(1).isTextual()) {
        return new String[] {merge.get(0).asText(), merge.get(1).asText()};
      }
      throw new VocabFormatException(source, where, "expected \"left right\" or [left, right]");
    }

    private int idOf(Map<String, Integer> vocab, String token, String where) throws VocabFormatException {
      Integer id = vocab.get(token);
      if (id == null) {
        throw new VocabFormatException(source, where, "'" + token + "' is not in the vocabulary");
      }
      return id;
    }

    private JsonNode object(JsonNode node, String where) throws VocabFormatException {
      if (node == null || !node.isObject()) {
        throw new VocabFormatException(source, where, "missing or not an object");
      }
      return node;
    }

    private void requireNullOrAbsent(JsonNode parent, String field, String what) throws VocabFormatException {
      JsonNode node = parent.get(field);
      if (node != null && !node.isNull()) {
        throw unsupported(where(parent, field), what + " " + node);
      }
    }

    private void requireEmpty(JsonNode model, String field) throws VocabFormatException {
      JsonNode node = model.get(field);
      if (node != null && !node.isNull() && !node.asText("").isEmpty()) {
        throw unsupported("model." + field, field + " '" + node.asText() + "'");
      }
    }

    private String where(JsonNode parent, String field) {
      return parent == root ? field : "model." + field;
    }

    private UnsupportedTokenizerException unsupported(String where, String what) {
      return new UnsupportedTokenizerException(source, where, what);
    }
  }
}
