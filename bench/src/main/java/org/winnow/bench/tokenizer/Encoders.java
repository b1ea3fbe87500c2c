package org.winnow.bench.tokenizer;

import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.Encoding;
import com.knuddels.jtokkit.api.EncodingType;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.winnow.tokenizer.Tokenizer;
import org.winnow.tokenizer.vocab.BpeDefinition;
import org.winnow.tokenizer.vocab.TiktokenEncoding;
import org.winnow.tokenizer.vocab.TokenizerJsonWriter;

/**
 * The three encoders the benchmarks compare, on the same vocabulary: ours over the rank file
 * jtokkit ships, jtokkit, and Hugging Face tokenizers through DJL. For r50k_base Hugging Face reads
 * GPT-2's {@code tokenizer.json} from the shared data when it is there; otherwise, and for
 * cl100k_base, a {@code tokenizer.json} exported from the same ranks (merge list derived as Hugging
 * Face's own converter does, with {@code ignore_merges}; the tests check it encodes identically).
 */
final class Encoders {

  private Encoders() {}

  static BpeDefinition definition(TiktokenEncoding encoding) {
    String resource = "/com/knuddels/jtokkit/" + encoding.encodingName() + ".tiktoken";
    try (InputStream in = Encoders.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException(resource + " is not on the classpath (jtokkit)");
      }
      return encoding.load(in, resource);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Tokenizer winnow(TiktokenEncoding encoding) {
    return Tokenizer.of(definition(encoding));
  }

  static Encoding jtokkit(TiktokenEncoding encoding) {
    return Encodings.newLazyEncodingRegistry().getEncoding(EncodingType.fromName(encoding.encodingName()).orElseThrow());
  }

  static HuggingFaceTokenizer huggingFace(TiktokenEncoding encoding) {
    try {
      Path gpt2 = SharedData.file("bpe-gpt2/tokenizer.json");
      if (encoding == TiktokenEncoding.R50K_BASE && Files.isRegularFile(gpt2)) {
        return huggingFace(gpt2);
      }
      Path dir = Files.createTempDirectory("winnow-bench-hf");
      Path json = dir.resolve("tokenizer.json");
      TokenizerJsonWriter.write(definition(encoding), json);
      HuggingFaceTokenizer tokenizer = huggingFace(json);
      Files.delete(json);
      Files.delete(dir);
      return tokenizer;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Which file Hugging Face reads for {@code encoding}, for the report. */
  static String huggingFaceSource(TiktokenEncoding encoding) {
    Path gpt2 = SharedData.file("bpe-gpt2/tokenizer.json");
    return encoding == TiktokenEncoding.R50K_BASE && Files.isRegularFile(gpt2)
        ? gpt2.toString() : "tokenizer.json exported from " + encoding.encodingName() + " ranks";
  }

  private static HuggingFaceTokenizer huggingFace(Path json) throws IOException {
    return HuggingFaceTokenizer.newInstance(json, Map.of(
        "addSpecialTokens", "false", "truncation", "false", "padding", "false",
        "maxLength", "1000000000", "modelMaxLength", "1000000000"));
  }

  static int[] ids(HuggingFaceTokenizer tokenizer, String text) {
    long[] ids = tokenizer.encode(text, false, false).getIds();
    int[] out = new int[ids.length];
    for (int i = 0; i < ids.length; i++) {
      out[i] = (int) ids[i];
    }
    return out;
  }
}
