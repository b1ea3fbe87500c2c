package org.winnow.jobs.tokenize;

import static org.junit.jupiter.api.Assertions.assertEquals;

import it.unimi.dsi.fastutil.objects.Object2LongOpenHashMap;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.winnow.tokenizer.TokenizerIdentity;
import org.winnow.tokenizer.Tokenizers;
import org.winnow.tokenizer.pretokenize.PreTokenPatterns;
import org.winnow.tokenizer.train.BpeTrainer;
import org.winnow.tokenizer.train.BpeTrainerConfig;
import org.winnow.tokenizer.train.PreTokenCounter;
import org.winnow.tokenizer.vocab.TokenizerJsonWriter;

class TokenizerSourceTest {
  @TempDir Path tmp;

  /** The manifest names the tokenizer as the user gave it, whichever way it was given. */
  @Test
  void theIdentityIsWhatOpeningTheNamedPathGives() throws IOException {
    Path dir = tmp.resolve("my-vocab");
    Files.createDirectories(dir);
    Path json = dir.resolve("tokenizer.json");
    TokenizerJsonWriter.write(new BpeTrainer(BpeTrainerConfig.of("trained", 300,
        PreTokenPatterns.GPT2)).train(counts("the cat sat on the mat; the dog sat on the log")),
        json);
    Path renamed = Files.copy(json, tmp.resolve("renamed.json"));

    assertEquals("my-vocab", identityOf(dir.toString()).name());
    assertEquals("my-vocab", identityOf(json.toString()).name());
    assertEquals("renamed", identityOf(renamed.toString()).name());
    for (Path p : new Path[] {dir, json, renamed}) {
      assertEquals(Tokenizers.open(p).identity(), identityOf(p.toString()), p.toString());
      assertEquals(Tokenizers.open(p).identity(), identityOf(p.toUri().toString()), p.toString());
    }
  }

  private static TokenizerIdentity identityOf(String location) throws IOException {
    return TokenizerSource.identityOf(location,
        TokenizerSource.resolve(location, new Configuration()));
  }

  private static Object2LongOpenHashMap<String> counts(String text) {
    Object2LongOpenHashMap<String> counts = new Object2LongOpenHashMap<>();
    PreTokenCounter.forPattern(PreTokenPatterns.GPT2).count(text, counts);
    return counts;
  }
}
