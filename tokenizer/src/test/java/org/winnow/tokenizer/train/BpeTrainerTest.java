package org.winnow.tokenizer.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import it.unimi.dsi.fastutil.objects.Object2LongLinkedOpenHashMap;
import it.unimi.dsi.fastutil.objects.Object2LongOpenHashMap;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.winnow.tokenizer.HuggingFaceReference;
import org.winnow.tokenizer.RandomTexts;
import org.winnow.tokenizer.TestCorpora;
import org.winnow.tokenizer.Tokenizer;
import org.winnow.tokenizer.Tokenizers;
import org.winnow.tokenizer.pretokenize.PreTokenPatterns;
import org.winnow.tokenizer.vocab.BpeDefinition;
import org.winnow.tokenizer.vocab.TiktokenRankFile;
import org.winnow.tokenizer.vocab.TokenizerJsonWriter;

/**
 * The incremental trainer against a trainer that recounts every pair at every step, and what it
 * writes against Hugging Face tokenizers reading the same file.
 */
class BpeTrainerTest {

  /** Merges as "left right" id pairs, by recounting all pairs before every merge. */
  private static List<String> naiveMerges(Map<String, Long> counts, int merges) {
    List<int[]> words = new ArrayList<>();
    List<Long> weights = new ArrayList<>();
    counts.forEach((word, count) -> {
      byte[] bytes = word.getBytes(StandardCharsets.UTF_8);
      int[] symbols = new int[bytes.length];
      for (int i = 0; i < bytes.length; i++) {
        symbols[i] = bytes[i] & 0xFF;
      }
      words.add(symbols);
      weights.add(count);
    });
    List<String> out = new ArrayList<>();
    for (int m = 0; m < merges; m++) {
      Map<Long, Long> pairs = new HashMap<>();
      for (int w = 0; w < words.size(); w++) {
        int[] s = words.get(w);
        for (int i = 0; i + 1 < s.length; i++) {
          pairs.merge(((long) s[i] << 32) | s[i + 1], weights.get(w), Long::sum);
        }
      }
      long best = -1;
      long bestCount = 0;
      for (Map.Entry<Long, Long> e : pairs.entrySet()) {
        if (e.getValue() > bestCount || (e.getValue() == bestCount && e.getKey() < best)) {
          best = e.getKey();
          bestCount = e.getValue();
        }
      }
      if (bestCount == 0) {
        break;
      }
      int left = (int) (best >>> 32);
      int right = (int) best;
      int merged = 256 + m;
      out.add(left + " " + right);
      for (int w = 0; w < words.size(); w++) {
        int[] s = words.get(w);
        List<Integer> next = new ArrayList<>();
        for (int i = 0; i < s.length; i++) {
          if (i + 1 < s.length && s[i] == left && s[i + 1] == right) {
            next.add(merged);
            i++;
          } else {
            next.add(s[i]);
          }
        }
        words.set(w, next.stream().mapToInt(Integer::intValue).toArray());
      }
    }
    return out;
  }

  private static List<String> merges(BpeDefinition definition) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < definition.mergeLefts().length; i++) {
      out.add(definition.mergeLefts()[i] + " " + definition.mergeRights()[i]);
    }
    return out;
  }

  @Test
  void learnsTheSameMergesAsRecountingEveryPair() {
    Random random = new Random(1);
    for (int round = 0; round < 30; round++) {
      Object2LongOpenHashMap<String> counts = new Object2LongOpenHashMap<>();
      for (int i = 0; i < 40; i++) {
        StringBuilder word = new StringBuilder();
        for (int n = 1 + random.nextInt(12); n > 0; n--) {
          word.append("aabbc\u00e9 ".charAt(random.nextInt(7)));
        }
        counts.addTo(word.toString(), 1 + random.nextInt(5));
      }
      int merges = 5 + random.nextInt(40);
      BpeDefinition trained = new BpeTrainer(new BpeTrainerConfig("t", 256 + merges, PreTokenPatterns.GPT2, List.of(), 1))
          .train(counts);
      assertEquals(naiveMerges(counts, merges), merges(trained), "round " + round);
    }
  }

  @Test
  void learnsTheSameMergesAsRecountingOnRealText() {
    Object2LongOpenHashMap<String> counts = new Object2LongOpenHashMap<>();
    PreTokenCounter counter = PreTokenCounter.forPattern(PreTokenPatterns.O200K);
    TestCorpora.europarlSample(40, 2).forEach(doc -> counter.count(doc, counts));
    BpeDefinition trained = new BpeTrainer(BpeTrainerConfig.of("t", 256 + 150 + 1, PreTokenPatterns.O200K)).train(counts);
    assertEquals(naiveMerges(counts, 150), merges(trained));
  }

  @Test
  void theOrderOfTheCountsDoesNotMatter() {
    Object2LongOpenHashMap<String> counts = new Object2LongOpenHashMap<>();
    PreTokenCounter counter = PreTokenCounter.forPattern(PreTokenPatterns.GPT2);
    TestCorpora.europarlSample(100, 4).forEach(doc -> counter.count(doc, counts));
    List<String> keys = new ArrayList<>(counts.keySet());
    Collections.shuffle(keys, new Random(3));
    Object2LongLinkedOpenHashMap<String> shuffled = new Object2LongLinkedOpenHashMap<>();
    keys.forEach(k -> shuffled.put(k, counts.getLong(k)));
    BpeTrainer trainer = new BpeTrainer(BpeTrainerConfig.of("t", 1000, PreTokenPatterns.GPT2));
    BpeDefinition a = trainer.train(counts);
    BpeDefinition b = trainer.train(shuffled);
    assertEquals(merges(a), merges(b));
    assertEquals(a.sha256(), b.sha256());
  }

  @Test
  void specialTokensTakeTheLastIdsAndTheSizeIsExact() {
    Object2LongOpenHashMap<String> counts = PreTokenCounter.forPattern(PreTokenPatterns.GPT2)
        .count(String.join(" ", TestCorpora.europarlSample(50, 5)));
    BpeDefinition trained = new BpeTrainer(new BpeTrainerConfig("t", 700, PreTokenPatterns.GPT2,
        List.of("<|endoftext|>", "<|pad|>"), 1)).train(counts);
    assertEquals(700, trained.vocabSize());
    assertEquals(Map.of("<|endoftext|>", 698, "<|pad|>", 699), trained.specialTokens());
    assertEquals(698 - 256, trained.mergeLefts().length);
  }

  @Test
  void stopsWhenPairsGetRarerThanTheMinimum() {
    Object2LongOpenHashMap<String> counts = new Object2LongOpenHashMap<>();
    counts.put("abab", 10);
    counts.put("xy", 1);
    BpeDefinition trained = new BpeTrainer(new BpeTrainerConfig("t", 1000, PreTokenPatterns.GPT2, List.of(), 2)).train(counts);
    assertEquals(List.of("97 98", "256 256"), merges(trained));
  }

  @Test
  void configurationErrorsNameTheValue() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> BpeTrainerConfig.of("t", 200, PreTokenPatterns.GPT2));
    assertTrue(e.getMessage().contains("200"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> BpeTrainerConfig.of("t", 1000, "(unclosed"));
    Object2LongOpenHashMap<String> negative = new Object2LongOpenHashMap<>();
    negative.put("x", -1);
    assertThrows(IllegalArgumentException.class,
        () -> new BpeTrainer(BpeTrainerConfig.of("t", 300, PreTokenPatterns.GPT2)).train(negative));
  }

  @ParameterizedTest
  @ValueSource(strings = {"GPT2", "CL100K", "O200K"})
  void writtenFilesEncodeIdenticallyHereAndInHuggingFace(String patternName, @TempDir Path dir) throws Exception {
    String pattern = (String) PreTokenPatterns.class.getField(patternName).get(null);
    PreTokenCounter counter = PreTokenCounter.forPattern(pattern);
    Object2LongOpenHashMap<String> counts = new Object2LongOpenHashMap<>();
    List<String> docs = TestCorpora.europarlSample(900, 9);
    docs.subList(0, 600).forEach(doc -> counter.count(doc, counts));
    BpeDefinition trained = new BpeTrainer(BpeTrainerConfig.of("trained", 3_000, pattern)).train(counts);

    Path json = dir.resolve("tokenizer.json");
    Path ranks = dir.resolve("trained.tiktoken");
    TokenizerJsonWriter.write(trained, json);
    TiktokenRankFile.write(trained.tokens(), ranks);
    Tokenizer inMemory = Tokenizer.of(trained);
    Tokenizer fromJson = Tokenizers.huggingFace(json);
    Tokenizer fromRanks = Tokenizers.tiktoken(ranks, pattern, trained.specialTokens());
    assertEquals(trained.sha256(), fromRanks.identity().sha256());
    assertEquals(3_000, fromJson.vocabSize());

    List<String> texts = new ArrayList<>(docs.subList(600, 900));
    Random random = new Random(4);
    for (int i = 0; i < 400; i++) {
      String text = RandomTexts.of(random, 40);
      if (text.equals(new String(text.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8))) {
        texts.add(text);
      }
    }
    texts.add("tail <|endoftext|> after");
    try (HuggingFaceReference reference = HuggingFaceReference.load(json)) {
      for (String text : texts) {
        int[] expected = reference.encode(text);
        int[] ours = inMemory.encode(text, inMemory.specialTokens().keySet());
        assertArrayEquals(expected, ours, () -> RandomTexts.escape(text));
        assertArrayEquals(ours, fromJson.encode(text, fromJson.specialTokens().keySet()));
        // The rank file gives tiktoken's rule, which agrees with the merge list on this vocabulary.
        assertArrayEquals(ours, fromRanks.encode(text, fromRanks.specialTokens().keySet()));
        assertEquals(text, inMemory.decode(ours));
      }
    }
  }
}
