package org.winnow.tokenizer.vocab;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import org.winnow.tokenizer.pretokenize.PreTokenPatterns;

/**
 * OpenAI's original GPT-2 files: {@code encoder.json} (byte-level spelled token to id) and
 * {@code vocab.bpe} (a {@code #version} line, then one merge {@code left right} a line, in
 * priority order). Read as a listed vocabulary with GPT-2's pattern; {@code <|endoftext|>} in
 * the encoder becomes the special token.
 */
public final class Gpt2VocabFiles {

  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final String END_OF_TEXT = "<|endoftext|>";

  private Gpt2VocabFiles() {}

  /**
   * The vocabulary of {@code encoderJson} and {@code vocabBpe}; its hash is the SHA-256 of the two
   * files' bytes one after the other.
   */
  public static BpeDefinition read(Path encoderJson, Path vocabBpe) throws IOException {
    byte[] encoderBytes = Files.readAllBytes(encoderJson);
    byte[] mergeBytes = Files.readAllBytes(vocabBpe);
    String encoderSource = encoderJson.toString();
    JsonNode encoder;
    try {
      encoder = MAPPER.readTree(encoderBytes);
    } catch (JsonProcessingException e) {
      long line = e.getLocation() == null ? -1 : e.getLocation().getLineNr();
      throw new VocabFormatException(encoderSource, line, "not JSON: " + e.getOriginalMessage());
    }
    if (encoder == null || !encoder.isObject()) {
      throw new VocabFormatException(encoderSource, "$", "not a JSON object");
    }
    Map<String, Integer> vocab = new HashMap<>(encoder.size() * 2);
    int maxId = -1;
    for (Iterator<Map.Entry<String, JsonNode>> it = encoder.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> entry = it.next();
      if (!entry.getValue().canConvertToInt() || entry.getValue().asInt() < 0) {
        throw new VocabFormatException(encoderSource, "[\"" + entry.getKey() + "\"]", "id is not a non-negative integer");
      }
      vocab.put(entry.getKey(), entry.getValue().asInt());
      maxId = Math.max(maxId, entry.getValue().asInt());
    }
    byte[][] tokens = new byte[maxId + 1][];
    Map<String, Integer> specials = new HashMap<>();
    for (Map.Entry<String, Integer> entry : vocab.entrySet()) {
      int id = entry.getValue();
      if (tokens[id] != null) {
        throw new VocabFormatException(encoderSource, "[\"" + entry.getKey() + "\"]", "id " + id + " used twice");
      }
      if (entry.getKey().equals(END_OF_TEXT)) {
        specials.put(END_OF_TEXT, id);
      }
      byte[] bytes = ByteLevelAlphabet.decode(entry.getKey());
      if (bytes == null) {
        throw new VocabFormatException(encoderSource, "[\"" + entry.getKey() + "\"]", "not spelled in the byte-level alphabet");
      }
      tokens[id] = bytes;
    }

    String mergeSource = vocabBpe.toString();
    String[] lines = new String(mergeBytes, StandardCharsets.UTF_8).split("\n", -1);
    int[] lefts = new int[lines.length];
    int[] rights = new int[lines.length];
    int count = 0;
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i].endsWith("\r") ? lines[i].substring(0, lines[i].length() - 1) : lines[i];
      if (line.isEmpty() || (i == 0 && line.startsWith("#version"))) {
        continue;
      }
      int space = line.indexOf(' ');
      if (space <= 0 || space == line.length() - 1 || line.indexOf(' ', space + 1) >= 0) {
        throw new VocabFormatException(mergeSource, i + 1, "expected 'left right', got '" + line + "'");
      }
      String left = line.substring(0, space);
      String right = line.substring(space + 1);
      Integer l = vocab.get(left);
      Integer r = vocab.get(right);
      if (l == null || r == null) {
        throw new VocabFormatException(mergeSource, i + 1, "'" + (l == null ? left : right) + "' is not in " + encoderSource);
      }
      if (!vocab.containsKey(left + right)) {
        throw new VocabFormatException(mergeSource, i + 1, "merge result '" + left + right + "' is not in " + encoderSource);
      }
      lefts[count] = l;
      rights[count] = r;
      count++;
    }
    MessageDigest digest = Sha256.newDigest();
    digest.update(encoderBytes);
    digest.update(mergeBytes);
    return BpeDefinition.listed("gpt2", tokens, Arrays.copyOf(lefts, count),
        Arrays.copyOf(rights, count), false, specials, PreTokenPatterns.GPT2, Sha256.hex(digest));
  }
}
