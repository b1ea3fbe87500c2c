package org.winnow.tokenizer.vocab;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.winnow.tokenizer.pretokenize.PreTokenPatterns;

/**
 * Writes a {@link BpeDefinition} as a Hugging Face {@code tokenizer.json} that the
 * {@code tokenizers} library loads and encodes exactly as this library does: BPE model, the
 * vocabulary in the byte-level alphabet, merges as {@code "left right"} strings (the form every
 * version reads), special tokens as special added tokens, GPT-2's pattern through {@code ByteLevel}
 * and any other through a {@code Split} before it. A ranked vocabulary is written with its merge
 * list derived by {@link RankedToListed} and {@code ignore_merges} on.
 */
public final class TokenizerJsonWriter {

  private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private TokenizerJsonWriter() {}

  /** Writes {@code definition} to {@code file}. */
  public static void write(BpeDefinition definition, Path file) throws IOException {
    try (OutputStream out = Files.newOutputStream(file)) {
      write(definition, out);
    }
  }

  /** Writes {@code definition} to {@code out}. */
  public static void write(BpeDefinition definition, OutputStream out) throws IOException {
    MAPPER.writeValue(out, toJson(definition));
  }

  static ObjectNode toJson(BpeDefinition vocabulary) {
    BpeDefinition definition = RankedToListed.convert(vocabulary);
    ObjectNode root = MAPPER.createObjectNode();
    root.put("version", "1.0");
    root.putNull("truncation");
    root.putNull("padding");
    ArrayNode added = root.putArray("added_tokens");
    for (Map.Entry<String, Integer> special : definition.specialTokens().entrySet()) {
      ObjectNode token = added.addObject();
      token.put("id", special.getValue());
      token.put("content", special.getKey());
      token.put("single_word", false);
      token.put("lstrip", false);
      token.put("rstrip", false);
      token.put("normalized", false);
      token.put("special", true);
    }
    root.putNull("normalizer");
    root.set("pre_tokenizer", preTokenizer(definition.pattern()));
    root.set("post_processor", byteLevel(false));
    root.set("decoder", byteLevel(true));
    ObjectNode model = root.putObject("model");
    model.put("type", "BPE");
    model.putNull("dropout");
    model.putNull("unk_token");
    model.putNull("continuing_subword_prefix");
    model.putNull("end_of_word_suffix");
    model.put("fuse_unk", false);
    model.put("byte_fallback", false);
    model.put("ignore_merges", definition.ignoreMerges());
    ObjectNode vocab = model.putObject("vocab");
    byte[][] tokens = definition.tokens();
    String[] spelled = new String[tokens.length];
    for (int id = 0; id < tokens.length; id++) {
      if (tokens[id] != null) {
        spelled[id] = ByteLevelAlphabet.encode(tokens[id]);
        vocab.put(spelled[id], id);
      }
    }
    ArrayNode merges = model.putArray("merges");
    int[] lefts = definition.mergeLefts();
    int[] rights = definition.mergeRights();
    for (int i = 0; i < lefts.length; i++) {
      merges.add(spelled[lefts[i]] + " " + spelled[rights[i]]);
    }
    return root;
  }

  private static ObjectNode preTokenizer(String pattern) {
    if (pattern.equals(PreTokenPatterns.GPT2)) {
      ObjectNode byteLevel = byteLevel(false);
      byteLevel.put("use_regex", true);
      return byteLevel;
    }
    ObjectNode sequence = MAPPER.createObjectNode();
    sequence.put("type", "Sequence");
    ArrayNode steps = sequence.putArray("pretokenizers");
    ObjectNode split = steps.addObject();
    split.put("type", "Split");
    split.putObject("pattern").put("Regex",
        pattern.equals(PreTokenPatterns.CL100K) ? PreTokenPatterns.CL100K_ONIGURUMA : pattern);
    split.put("behavior", "Isolated");
    split.put("invert", false);
    ObjectNode byteLevel = byteLevel(false);
    byteLevel.put("use_regex", false);
    steps.add(byteLevel);
    return sequence;
  }

  private static ObjectNode byteLevel(boolean decoder) {
    ObjectNode node = MAPPER.createObjectNode();
    node.put("type", "ByteLevel");
    node.put("add_prefix_space", false);
    node.put("trim_offsets", !decoder);
    if (decoder) {
      node.put("use_regex", true);
    }
    return node;
  }
}
