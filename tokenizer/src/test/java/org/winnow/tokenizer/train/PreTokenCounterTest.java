package org.winnow.tokenizer.train;

import static org.junit.jupiter.api.Assertions.assertEquals;

import it.unimi.dsi.fastutil.objects.Object2LongMap;
import it.unimi.dsi.fastutil.objects.Object2LongOpenHashMap;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.winnow.tokenizer.TestCorpora;
import org.winnow.tokenizer.pretokenize.PreTokenPatterns;

/** Counting pre-tokens agrees with counting regex matches. */
class PreTokenCounterTest {

  @Test
  void countsLikeTheRegex() {
    String text = String.join("\n", TestCorpora.europarlSample(50, 10)) + "  it's   \n\n ";
    for (String pattern : new String[] {PreTokenPatterns.GPT2, PreTokenPatterns.CL100K, PreTokenPatterns.O200K}) {
      Object2LongOpenHashMap<String> expected = new Object2LongOpenHashMap<>();
      Matcher m = Pattern.compile(pattern, Pattern.UNICODE_CHARACTER_CLASS).matcher(text);
      while (m.find()) {
        expected.addTo(m.group(), 1);
      }
      assertEquals(new TreeMap<>(expected), new TreeMap<>(PreTokenCounter.forPattern(pattern).count(text)));
    }
  }

  @Test
  void addsToAnyMap() {
    Object2LongMap<String> counts = new it.unimi.dsi.fastutil.objects.Object2LongArrayMap<>();
    PreTokenCounter counter = PreTokenCounter.forPattern(PreTokenPatterns.GPT2);
    counter.count("a a", counts);
    counter.count(" a", counts);
    assertEquals(1, counts.getLong("a"));
    assertEquals(2, counts.getLong(" a"));
  }
}
