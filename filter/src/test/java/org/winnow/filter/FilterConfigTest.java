package org.winnow.filter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.winnow.filter.config.FilterConfigException;
import org.winnow.filter.rules.Bounds;
import org.winnow.filter.rules.PercentileRule;
import org.winnow.filter.rules.Rule;
import org.winnow.filter.rules.ThresholdRule;

class FilterConfigTest {
  private static FilterConfigException error(String yaml) {
    return assertThrows(FilterConfigException.class, () -> FilterConfig.parse(yaml, "t.yaml"));
  }

  @Test
  void theDefaultRulesLoadAndFollowTheFineWebOrder() {
    FilterConfig c = FilterConfig.defaults();
    List<String> names = c.rules().names();
    assertEquals("gopher_dup_para_fraction", names.get(0));
    assertFalse(names.contains("language_score"), "off by default: ingest's score is no probability");
    assertTrue(names.indexOf("gopher_dup_para_fraction") < names.indexOf("gopher_word_count"));
    assertTrue(names.indexOf("gopher_stop_words") < names.indexOf("c4_min_sentences"));
    assertTrue(names.indexOf("c4_min_sentences") < names.indexOf("fineweb_line_punct"));
    assertTrue(c.cleaner().isPresent());
    assertEquals(5, c.pii().size());
    assertTrue(c.rules().percentileRules().isEmpty());
  }

  @Test
  void theDefaultsCarryThePublishedThresholds() {
    Map<String, double[]> published = Map.ofEntries(
        Map.entry("gopher_word_count", new double[] {50, 100000}),
        Map.entry("gopher_mean_word_length", new double[] {3, 10}),
        Map.entry("gopher_hash_ratio", new double[] {Double.NaN, 0.1}),
        Map.entry("gopher_ellipsis_ratio", new double[] {Double.NaN, 0.1}),
        Map.entry("gopher_bullet_lines", new double[] {Double.NaN, 0.9}),
        Map.entry("gopher_ellipsis_lines", new double[] {Double.NaN, 0.3}),
        Map.entry("gopher_alpha_words", new double[] {0.8, Double.NaN}),
        Map.entry("gopher_stop_words", new double[] {2, Double.NaN}),
        Map.entry("gopher_dup_line_fraction", new double[] {Double.NaN, 0.3}),
        Map.entry("gopher_dup_para_fraction", new double[] {Double.NaN, 0.3}),
        Map.entry("gopher_dup_line_chars", new double[] {Double.NaN, 0.2}),
        Map.entry("gopher_dup_para_chars", new double[] {Double.NaN, 0.2}),
        Map.entry("gopher_top_2gram", new double[] {Double.NaN, 0.2}),
        Map.entry("gopher_top_3gram", new double[] {Double.NaN, 0.18}),
        Map.entry("gopher_top_4gram", new double[] {Double.NaN, 0.16}),
        Map.entry("gopher_dup_5gram", new double[] {Double.NaN, 0.15}),
        Map.entry("gopher_dup_10gram", new double[] {Double.NaN, 0.10}),
        Map.entry("c4_min_sentences", new double[] {5, Double.NaN}),
        Map.entry("fineweb_line_punct", new double[] {0.12, Double.NaN}),
        Map.entry("fineweb_short_lines", new double[] {Double.NaN, 0.67}),
        Map.entry("fineweb_dup_line_chars", new double[] {Double.NaN, 0.01}),
        Map.entry("fineweb_list_ratio", new double[] {Double.NaN, 0.3}),
        Map.entry("language_score", new double[] {0.65, Double.NaN}));
    FilterConfig c = FilterConfig.defaults();
    for (Rule r : c.rules().rules()) {
      double[] want = published.get(r.name());
      if (want == null) {
        continue;
      }
      Bounds b = ((ThresholdRule) r).bounds();
      assertEquals(want[0], b.min().orElse(Double.NaN), r.name() + " min");
      assertEquals(want[1], b.max().orElse(Double.NaN), r.name() + " max");
    }
  }

  @Test
  void unknownKeysNameTheKeyAndLine() {
    FilterConfigException e = error("""
        rules:
          - name: short
            signal: word_count
            mn: 50
        """);
    assertEquals(4, e.line());
    assertTrue(e.getMessage().contains("t.yaml line 4"), e.getMessage());
    assertTrue(e.getMessage().contains("rule 'short': unknown parameter(s) 'mn'"), e.getMessage());
    assertTrue(e.getMessage().contains("known: "), e.getMessage());

    assertTrue(error("rulez: []\n").getMessage().contains("line 1: rule file: unknown parameter(s) 'rulez'"));
    assertTrue(error("clean:\n  c4_lines:\n    min_wordz: 3\n").getMessage()
        .contains("line 3: clean.c4_lines: unknown parameter(s) 'min_wordz'"));
    assertTrue(error("rules:\n  - name: a\n    signal: word_count\n    min: 1\n    scripts:\n"
        + "      latin: {mni: 2}\n").getMessage().contains("line 6"));
  }

  @Test
  void otherMistakesNameTheirLine() {
    assertTrue(error("rules:\n  - name: a\n    signal: nonsense\n    min: 1\n").getMessage()
        .contains("line 3: rule 'a': unknown signal 'nonsense' (known: lang_score, char_count"));
    assertTrue(error("rules:\n  - name: a\n    signal: word_count\n").getMessage()
        .contains("needs 'min', 'max'"));
    assertTrue(error("rules:\n  - name: a\n    signal: word_count\n    min: x\n").getMessage()
        .contains("line 4: rule 'a'.min must be a number, got 'x'"));
    assertTrue(error("rules:\n  - name: a\n    signal: word_count\n    min: 5\n    max: 1\n")
        .getMessage().contains("min 5.0 is above max 1.0"));
    assertTrue(error("rules:\n  - name: a\n    signal: word_count\n    min: 1\n"
        + "  - name: a\n    signal: word_count\n    min: 2\n").getMessage()
        .contains("line 5: rule 'a' is defined twice (first at line 2)"));
    assertTrue(error("rules:\n  - name: Bad-Name\n    signal: word_count\n    min: 1\n")
        .getMessage().contains("lower snake case"));
    assertTrue(error("pii: [pii_email, pii_ssn]\n").getMessage()
        .contains("line 1: unknown PII redactor 'pii_ssn'"));
    assertTrue(error("rules: [\n").getMessage().contains("not valid YAML"));
    assertTrue(error("rules:\n  - name: a\n    signal: dominant_script\n    min: 1\n").getMessage()
        .contains("unknown signal 'dominant_script'"));
  }

  @Test
  void overridesMergeWithTheRuleBounds() {
    FilterConfig c = FilterConfig.parse("""
        rules:
          - name: words
            signal: mean_word_length
            min: 3
            max: 10
            scripts:
              cjk: {min: 1}
              thai: {skip: true}
            langs:
              de: {max: null}
        """, "t.yaml");
    ThresholdRule r = (ThresholdRule) c.rules().get(0);
    assertFalse(r.keeps(1.5, "en", "latin"));
    assertTrue(r.keeps(1.5, "zh", "cjk"));
    assertFalse(r.keeps(11, "zh", "cjk")); // the max still applies
    assertTrue(r.keeps(50, "th", "thai"));
    assertTrue(r.keeps(40, "de", "latin"));
    assertFalse(r.keeps(2, "de", "latin"));
    assertTrue(r.keeps(Double.NaN, "en", "latin")); // a null signal does not apply
    assertEquals("mean_word_length 1.5 < min 3", r.explain(1.5, "en", "latin"));
  }

  @Test
  void percentileRulesNeedTheirCutoffs() {
    FilterConfig c = FilterConfig.parse("""
        rules:
          - name: quality_top10
            signal: quality_score
            min_percentile: 90
        """, "t.yaml");
    PercentileRule p = c.rules().percentileRules().get(0);
    assertEquals(0.9, p.quantile(), 1e-12);
    assertTrue(p.perLanguage());
    assertThrows(IllegalStateException.class, () -> p.keeps(0.5, "en", "latin"));
    assertThrows(IllegalArgumentException.class, () -> new FilterPipeline(c, Optional.empty()),
        "a quality rule without a model");

    FilterConfig resolved = c.withPercentiles(
        Map.of("quality_top10", Map.of("en", 0.8, PercentileRule.ALL_LANGUAGES, 0.5)));
    Rule r = resolved.rules().get(0);
    assertTrue(r.keeps(0.85, "en", "latin"));
    assertFalse(r.keeps(0.75, "en", "latin"));
    assertTrue(r.keeps(0.6, "de", "latin")); // falls back to the corpus-wide cut-off
    assertThrows(IllegalArgumentException.class, () -> c.withPercentiles(Map.of()));
    assertThrows(IllegalArgumentException.class,
        () -> c.withPercentiles(Map.of("quality_top10", Map.of("en", 1.0), "other", Map.of())));
  }

  @Test
  void emptyFileMeansNoRules() {
    FilterConfig c = FilterConfig.parse("", "empty.yaml");
    assertTrue(c.rules().rules().isEmpty());
    assertTrue(c.cleaner().isEmpty());
    assertTrue(c.pii().isEmpty());
  }
}
