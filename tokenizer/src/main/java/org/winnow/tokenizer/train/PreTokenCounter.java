package org.winnow.tokenizer.train;

import it.unimi.dsi.fastutil.objects.Object2LongMap;
import it.unimi.dsi.fastutil.objects.Object2LongOpenHashMap;
import java.nio.charset.StandardCharsets;
import org.winnow.tokenizer.pretokenize.PreTokenizer;
import org.winnow.tokenizer.pretokenize.PreTokenizers;

/**
 * Counts the pre-tokens of texts with the splits encoding will use: the map step of training
 * (a Spark job runs it per partition and sums the maps by key). Stateless and thread-safe.
 */
public final class PreTokenCounter {

  private final PreTokenizer preTokenizer;

  public PreTokenCounter(PreTokenizer preTokenizer) {
    this.preTokenizer = preTokenizer;
  }

  /** A counter for {@code pattern}, through the same scanner or regex encoding uses. */
  public static PreTokenCounter forPattern(String pattern) {
    return new PreTokenCounter(PreTokenizers.forPattern(pattern));
  }

  /**
   * Adds one for every pre-token of {@code text} to {@code counts}. A lone surrogate counts as
   * {@code '?'}, the byte encoding gives it.
   */
  public void count(String text, Object2LongMap<String> counts) {
    byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
    Object2LongOpenHashMap<String> open = counts instanceof Object2LongOpenHashMap<String> o ? o : null;
    preTokenizer.split(utf8, 0, utf8.length, (bytes, start, end) -> {
      String piece = new String(bytes, start, end - start, StandardCharsets.UTF_8);
      if (open != null) {
        open.addTo(piece, 1L);
      } else {
        counts.mergeLong(piece, 1L, Long::sum);
      }
    });
  }

  /** The pre-token counts of {@code text}. */
  public Object2LongOpenHashMap<String> count(String text) {
    Object2LongOpenHashMap<String> counts = new Object2LongOpenHashMap<>();
    count(text, counts);
    return counts;
  }
}
