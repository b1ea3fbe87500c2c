package org.winnow.tokenizer.vocab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.winnow.tokenizer.pretokenize.PreTokenPatterns;

/** What {@code tokenizer.json} files are refused, and how the refusal names the place. */
class TokenizerJsonReaderTest {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  /** A small valid listed vocabulary: the bytes, then "ab" and "abc". */
  private static BpeDefinition small(String pattern) {
    byte[][] tokens = new byte[258][];
    for (int b = 0; b < 256; b++) {
      tokens[b] = new byte[] {(byte) b};
    }
    tokens[256] = "ab".getBytes(StandardCharsets.US_ASCII);
    tokens[257] = "abc".getBytes(StandardCharsets.US_ASCII);
    return BpeDefinition.listed("small", tokens, new int[] {'a', 256}, new int[] {'b', 'c'}, false,
        Map.of("<|endoftext|>", 258), pattern, "0".repeat(64));
  }

  private static ObjectNode json() {
    return TokenizerJsonWriter.toJson(small(PreTokenPatterns.GPT2));
  }

  private static BpeDefinition read(ObjectNode json) throws IOException {
    return TokenizerJsonReader.read(MAPPER.writeValueAsBytes(json), "tokenizer.json", "t");
  }

  private static VocabFormatException failure(Consumer<ObjectNode> change) {
    ObjectNode node = json();
    change.accept(node);
    return assertThrows(VocabFormatException.class, () -> read(node));
  }

  @Test
  void whatTheWriterWritesReadsBack() throws IOException {
    for (String pattern : List.of(PreTokenPatterns.GPT2, PreTokenPatterns.CL100K, PreTokenPatterns.O200K)) {
      BpeDefinition back = read(TokenizerJsonWriter.toJson(small(pattern)));
      assertEquals(2, back.mergeLefts().length);
      assertEquals(Map.of("<|endoftext|>", 258), back.specialTokens());
      assertEquals(pattern.equals(PreTokenPatterns.CL100K) ? PreTokenPatterns.CL100K_ONIGURUMA : pattern, back.pattern());
    }
  }

  @Test
  void anotherModelTypeIsUnsupported() {
    VocabFormatException e = failure(n -> ((ObjectNode) n.get("model")).put("type", "WordPiece"));
    assertTrue(e instanceof UnsupportedTokenizerException);
    assertEquals("tokenizer.json: model.type: unsupported: model type 'WordPiece' (only BPE is supported)", e.getMessage());
  }

  @Test
  void settingsThatChangeIdsAreUnsupported() {
    assertUnsupported("normalizer", n -> n.putObject("normalizer").put("type", "NFC"));
    assertUnsupported("model.dropout", n -> ((ObjectNode) n.get("model")).put("dropout", 0.1));
    assertUnsupported("model.byte_fallback", n -> ((ObjectNode) n.get("model")).put("byte_fallback", true));
    assertUnsupported("model.continuing_subword_prefix", n -> ((ObjectNode) n.get("model")).put("continuing_subword_prefix", "##"));
    assertUnsupported("pre_tokenizer.add_prefix_space", n -> ((ObjectNode) n.get("pre_tokenizer")).put("add_prefix_space", true));
    assertUnsupported("pre_tokenizer", n -> n.putObject("pre_tokenizer").put("type", "Whitespace"));
    assertUnsupported("pre_tokenizer", n -> n.putNull("pre_tokenizer"));
    assertUnsupported("decoder", n -> n.putObject("decoder").put("type", "Metaspace"));
    assertUnsupported("added_tokens[0]", n -> ((ObjectNode) n.get("added_tokens").get(0)).put("special", false));
    assertUnsupported("added_tokens[0].lstrip", n -> ((ObjectNode) n.get("added_tokens").get(0)).put("lstrip", true));
  }

  @Test
  void patternsJavaWouldReadDifferentlyFromOnigurumaAreUnsupported() {
    ObjectNode node = TokenizerJsonWriter.toJson(small("\\p{L}+|\\p{N}{1,3}+|\\s+|[^\\s\\p{L}\\p{N}]+"));
    VocabFormatException e = assertThrows(UnsupportedTokenizerException.class, () -> read(node));
    assertTrue(e.getMessage().startsWith("tokenizer.json: pre_tokenizer.pretokenizers[0].pattern.Regex: unsupported"), e.getMessage());
  }

  @Test
  void brokenMergesNameTheirIndex() {
    VocabFormatException notInVocab = failure(n -> ((ArrayNode) n.get("model").get("merges")).set(1, MAPPER.getNodeFactory().textNode("ab zz")));
    assertEquals("tokenizer.json: model.merges[1]: 'zz' is not in the vocabulary", notInVocab.getMessage());
    VocabFormatException noResult = failure(n -> ((ArrayNode) n.get("model").get("merges")).add("b c"));
    assertEquals("tokenizer.json: model.merges[2]: merge result 'bc' is not in the vocabulary", noResult.getMessage());
    VocabFormatException shape = failure(n -> ((ArrayNode) n.get("model").get("merges")).add("abc"));
    assertTrue(shape.getMessage().startsWith("tokenizer.json: model.merges[2]: expected"), shape.getMessage());
  }

  @Test
  void notJsonNamesTheLine() {
    VocabFormatException e = assertThrows(VocabFormatException.class,
        () -> TokenizerJsonReader.read("{\n\"model\": \n}".getBytes(StandardCharsets.UTF_8), "tokenizer.json", "t"));
    assertEquals(3, e.line());
  }

  private static void assertUnsupported(String where, Consumer<ObjectNode> change) {
    VocabFormatException e = failure(change);
    assertTrue(e instanceof UnsupportedTokenizerException, e.getMessage());
    assertTrue(e.getMessage().startsWith("tokenizer.json: " + where + ": unsupported"), e.getMessage());
  }
}
