package org.winnow.tokenizer.train;

import it.unimi.dsi.fastutil.ints.IntArrayList;
import it.unimi.dsi.fastutil.longs.Long2LongMap;
import it.unimi.dsi.fastutil.objects.Object2LongMap;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import org.winnow.tokenizer.bpe.Utf8;
import org.winnow.tokenizer.vocab.BpeDefinition;
import org.winnow.tokenizer.vocab.TiktokenRankFile;

/**
 * Learns byte-level BPE merges from pre-token counts (the Spark job counts; this runs on the
 * driver).
 *
 * <p>Ids 0-255 are the bytes themselves, merge {@code i} creates id {@code 256 + i}, special
 * tokens take the ids after the merges. Each step merges the pair with the highest count, ties
 * going to the smallest (left id, right id): Hugging Face's BpeTrainer rule, applied to these ids.
 * Pair counts are updated incrementally from the words that held the merged pair, and a heap with
 * lazy invalidation finds the next pair, so a step costs the words it touches rather than a
 * rescan of all pairs. The same counts give the same vocabulary, whatever their order.
 *
 * <p>The result is a listed vocabulary: encoding with it is exactly what Hugging Face tokenizers
 * does with the {@code tokenizer.json} written from it.
 */
public final class BpeTrainer {

  private final BpeTrainerConfig config;

  public BpeTrainer(BpeTrainerConfig config) {
    this.config = config;
  }

  /** Trains on {@code counts}: pre-token to the number of times it was seen. */
  public BpeDefinition train(Object2LongMap<String> counts) {
    Iterator<Object2LongMap.Entry<String>> entries = counts.object2LongEntrySet().iterator();
    return train(new Iterator<>() {
      @Override
      public boolean hasNext() {
        return entries.hasNext();
      }

      @Override
      public Map.Entry<String, Long> next() {
        Object2LongMap.Entry<String> e = entries.next();
        return Map.entry(e.getKey(), e.getLongValue());
      }
    });
  }

  /**
   * Trains on (pre-token, count) pairs; a pre-token may appear more than once.
   *
   * @throws IllegalArgumentException on a negative count
   */
  public BpeDefinition train(Iterator<? extends Map.Entry<String, Long>> counts) {
    TrainingWords words = new TrainingWords();
    byte[] buffer = new byte[64];
    while (counts.hasNext()) {
      Map.Entry<String, Long> entry = counts.next();
      String pretoken = entry.getKey();
      long count = entry.getValue();
      if (count < 0) {
        throw new IllegalArgumentException("negative count " + count + " for pre-token '" + pretoken + "'");
      }
      if (count == 0 || pretoken.isEmpty()) {
        continue;
      }
      if (buffer.length < Utf8.maxBytes(pretoken.length())) {
        buffer = new byte[Utf8.maxBytes(pretoken.length()) * 2];
      }
      words.add(buffer, Utf8.encode(pretoken, 0, pretoken.length(), buffer), count);
    }
    return learn(words);
  }

  private BpeDefinition learn(TrainingWords words) {
    PairIndex pairs = new PairIndex();
    for (int w = 0; w < words.size(); w++) {
      pairs.addWord(words, w);
    }
    PairQueue queue = new PairQueue();
    for (Long2LongMap.Entry e : pairs.counts().long2LongEntrySet()) {
      queue.push(e.getLongValue(), e.getLongKey());
    }
    pairs.takeCreated();

    int target = config.mergeTarget();
    byte[][] tokens = new byte[256 + target][];
    for (int b = 0; b < 256; b++) {
      tokens[b] = new byte[] {(byte) b};
    }
    int[] lefts = new int[target];
    int[] rights = new int[target];
    int[] lastMerge = new int[words.size()];
    Arrays.fill(lastMerge, -1);
    int merges = 0;
    while (merges < target && !queue.isEmpty()) {
      long count = queue.topCount();
      long pair = queue.topPair();
      queue.pop();
      long current = pairs.count(pair);
      if (current != count) {
        if (current > 0) {
          queue.push(current, pair);
        }
        continue;
      }
      if (count < config.minPairCount()) {
        break;
      }
      int left = PairIndex.left(pair);
      int right = PairIndex.right(pair);
      int merged = 256 + merges;
      tokens[merged] = concat(tokens[left], tokens[right]);
      lefts[merges] = left;
      rights[merges] = right;
      IntArrayList holders = pairs.takeWords(pair);
      for (int i = 0; i < holders.size(); i++) {
        int w = holders.getInt(i);
        if (lastMerge[w] != merges) {
          lastMerge[w] = merges;
          words.merge(w, left, right, merged, pairs);
        }
      }
      merges++;
      for (long created : pairs.takeCreated()) {
        long c = pairs.count(created);
        if (c > 0) {
          queue.push(c, created);
        }
        pairs.forgetIfDead(created);
      }
    }
    return definition(Arrays.copyOf(tokens, 256 + merges), Arrays.copyOf(lefts, merges), Arrays.copyOf(rights, merges));
  }

  private BpeDefinition definition(byte[][] tokens, int[] lefts, int[] rights) {
    Map<String, Integer> specials = new LinkedHashMap<>();
    for (String special : config.specialTokens()) {
      specials.put(special, tokens.length + specials.size());
    }
    return BpeDefinition.listed(config.name(), tokens, lefts, rights, false, specials, config.pattern(),
        rankFileSha256(tokens));
  }

  /** The hash of the rank file this vocabulary writes, so manifests can name it before it is written. */
  private static String rankFileSha256(byte[][] tokens) {
    try {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      TiktokenRankFile.write(tokens, out);
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(out.toByteArray()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] c = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, c, a.length, b.length);
    return c;
  }
}
