package org.winnow.tokenizer.vocab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Errors in GPT-2's original files name the file and line. */
class Gpt2VocabFilesTest {

  @Test
  void aBadMergeLineNamesItsLine(@TempDir Path dir) throws IOException {
    Path encoder = dir.resolve("encoder.json");
    StringBuilder json = new StringBuilder("{");
    for (int b = 0; b < 256; b++) {
      json.append(b == 0 ? "" : ",").append('"').append(escape(ByteLevelAlphabet.charOf(b))).append("\":").append(b);
    }
    json.append(",\"ab\":256}");
    Files.writeString(encoder, json);
    Path merges = dir.resolve("vocab.bpe");
    Files.writeString(merges, "#version: 0.2\na b\nb\n");
    VocabFormatException e = assertThrows(VocabFormatException.class, () -> Gpt2VocabFiles.read(encoder, merges));
    assertEquals(merges + ":3: expected 'left right', got 'b'", e.getMessage());
    Files.writeString(merges, "#version: 0.2\na c\n");
    e = assertThrows(VocabFormatException.class, () -> Gpt2VocabFiles.read(encoder, merges));
    assertEquals(merges + ":2: merge result 'ac' is not in " + encoder, e.getMessage());
    Files.writeString(merges, "#version: 0.2\na b\n");
    assertEquals(1, Gpt2VocabFiles.read(encoder, merges).mergeLefts().length);
  }

  private static String escape(char c) {
    return c == '"' || c == '\\' ? "\\" + c : String.valueOf(c);
  }
}
