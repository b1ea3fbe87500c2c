package org.winnow.filter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.winnow.core.Document;
import org.winnow.core.ledger.Fate;
import org.winnow.core.ledger.Ledger;
import org.winnow.core.ledger.Outcome;
import org.winnow.filter.classify.ClassifierTrainer;
import org.winnow.filter.classify.LabeledText;
import org.winnow.filter.classify.QualityClassifier;
import org.winnow.filter.classify.TrainingSettings;
import org.winnow.filter.classify.WordHasher;
import org.winnow.filter.signals.SignalSchema;
import org.winnow.filter.signals.SignalValues;

class FilterPipelineTest {
  static final String CLEAN = """
      The committee met on Tuesday to discuss the new proposal for regional transport. \
      Several members argued that the plan would help rural towns that have lost their bus \
      services over the past decade. Others were worried about the cost and asked for a \
      detailed budget before the vote. The chair agreed to publish the figures next month.
      After a long debate, the committee decided to hold a public hearing in the spring. \
      Residents will be able to send written comments by post or by e-mail to \
      transport@example.org until the end of March. The final decision is expected in June.""";

  static Document doc(String text, String lang, double langScore) {
    return new Document("doc-1", "https://example.org/a", "example.org", "test",
        Instant.parse("2024-01-02T03:04:05Z"), lang, langScore, "A title", text,
        "crawl.warc.gz", 1234, 0);
  }

  private final FilterPipeline pipeline = new FilterPipeline(FilterConfig.defaults());

  @Test
  void cleanProseIsKeptWithPiiRedacted() {
    Evaluation e = pipeline.evaluate(doc(CLEAN, "en", 0.98));
    assertTrue(e.kept(), e.failedRules().toString());
    Outcome.Kept k = (Outcome.Kept) e.outcome();
    assertEquals(List.of("pii_email"), k.modifications());
    assertTrue(k.document().text().contains("by e-mail to <EMAIL> until"));
    assertEquals(Map.of("pii_email", 1), e.pii());
    assertEquals("doc-1", k.document().id());
    assertEquals(1234, k.document().warcOffset());
  }

  @Test
  void theFirstFailingRuleIsTheReasonAndAllFailuresAreListed() {
    String spam = "BUY NOW!!! ".repeat(5) + "\n" + "click here\n".repeat(10);
    Evaluation e = pipeline.evaluate(doc(spam, "en", 0.4));
    assertFalse(e.kept());
    Outcome.Dropped d = (Outcome.Dropped) e.outcome();
    assertEquals(Fate.REMOVED, d.fate());
    assertEquals(FilterPipeline.STAGE, d.stage());
    // Cleaning drops the two-word lines and keeps "BUY NOW!!! " x5 (55 characters), whose
    // top 2-gram "BUY NOW" (7 characters) occurs 5 times: 35 / 55.
    assertEquals("gopher_top_2gram", d.reason());
    assertEquals("top_2gram_char_fraction 0.6364 > max 0.2", d.detail());
    assertEquals("crawl.warc.gz:1234", d.location());
    assertEquals(e.failedRules().get(0), d.reason());
    assertTrue(e.failedRules().contains("gopher_word_count"), e.failedRules().toString());
    assertTrue(e.failedRules().size() > 3);
  }

  @Test
  void theLanguageScoreRuleWorksWhenConfigured() {
    FilterConfig c = FilterConfig.parse(
        "rules:\n  - name: language_score\n    signal: lang_score\n    min: 0.65\n", "l.yaml");
    Outcome.Dropped d = (Outcome.Dropped) new FilterPipeline(c).filter(doc(CLEAN, "en", 0.4));
    assertEquals("language_score", d.reason());
    assertEquals("lang_score 0.4 < min 0.65", d.detail());
  }

  @Test
  void lineCleaningIsAModification() {
    String text = CLEAN.replace("transport@example.org", "us") + "\nShare\nTweet\nMenu";
    Evaluation e = pipeline.evaluate(doc(text, "en", 0.9));
    assertTrue(e.kept(), e.failedRules().toString());
    Outcome.Kept k = (Outcome.Kept) e.outcome();
    assertEquals(List.of("c4_lines"), k.modifications());
    assertEquals(3, e.cleaning().linesDropped());
    assertFalse(k.document().text().contains("Tweet"));
  }

  @Test
  void unchangedDocumentsAreTheSameRecord() {
    Document d = doc(CLEAN.replace("transport@example.org", "the office"), "en", 0.9);
    Outcome.Kept k = (Outcome.Kept) pipeline.filter(d);
    assertSame(d, k.document());
    assertEquals(List.of(), k.modifications());
  }

  @Test
  void theLedgerBalances() {
    Ledger ledger = new Ledger(FilterPipeline.STAGE);
    List<String> texts = List.of(CLEAN, "", "short", CLEAN + "\n" + CLEAN, "lorem ipsum " + CLEAN);
    for (String t : texts) {
      ledger.record(pipeline.filter(doc(t, "en", 0.9)));
    }
    assertTrue(ledger.balanced());
    assertEquals(texts.size(), ledger.in());
    assertEquals(1, ledger.kept()); // the doubled text repeats its lines; lorem ipsum goes
  }

  @Test
  void aModelSetsQualityScoreAndItsRulesWork() {
    QualityClassifier model = new ClassifierTrainer(new TrainingSettings(16, 3, 0.5, 1)).train(
        List.of(new LabeledText(CLEAN, true), new LabeledText("buy cheap click here", false))
            .iterator());
    FilterConfig config = FilterConfig.parse("""
        rules:
          - name: quality_top
            signal: quality_score
            min_percentile: 50
        """, "q.yaml").withPercentiles(Map.of("quality_top", Map.of("*", 0.5)));
    FilterPipeline p = new FilterPipeline(config, Optional.of(model));
    SignalValues v = p.signals(doc(CLEAN, "en", 1));
    assertEquals(model.score(CLEAN, new WordHasher()), v.get(SignalSchema.QUALITY_SCORE), 1e-12);
    assertTrue(p.evaluate(doc(CLEAN, "en", 1)).kept());
    assertFalse(p.evaluate(doc("buy cheap click here", "en", 1)).kept());
    assertTrue(new FilterPipeline(FilterConfig.defaults()).signals(doc(CLEAN, "en", 1))
        .isNull(SignalSchema.QUALITY_SCORE));
  }

  @Test
  void rowsFollowTheSchema() {
    Object[] row = pipeline.signals(doc(CLEAN, "en", 1)).toRow();
    assertEquals(SignalSchema.COLUMNS.size(), row.length);
    for (int i = 0; i < row.length; i++) {
      Object v = row[i];
      switch (SignalSchema.COLUMNS.get(i).type()) {
        case INT -> assertTrue(v == null || v instanceof Integer, SignalSchema.COLUMNS.get(i).name());
        case DOUBLE -> assertTrue(v == null || v instanceof Double, SignalSchema.COLUMNS.get(i).name());
        case STRING -> assertTrue(v == null || v instanceof String, SignalSchema.COLUMNS.get(i).name());
        default -> throw new AssertionError("unexpected type");
      }
    }
  }
}
