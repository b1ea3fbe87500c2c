package org.winnow.filter;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.winnow.core.Document;
import org.winnow.core.ledger.Outcome;
import org.winnow.filter.classify.QualityClassifier;
import org.winnow.filter.clean.C4LineCleaner;
import org.winnow.filter.clean.CleanResult;
import org.winnow.filter.pii.PiiRedactor;
import org.winnow.filter.pii.Redaction;
import org.winnow.filter.rules.Rule;
import org.winnow.filter.rules.RuleSet;
import org.winnow.filter.signals.SignalFamily;
import org.winnow.filter.signals.SignalSchema;
import org.winnow.filter.signals.SignalValues;
import org.winnow.filter.signals.StopWords;
import org.winnow.filter.signals.TextProfile;
import org.winnow.filter.signals.TextProfiler;

/**
 * The filter stage for one document at a time: line cleaning (optional), signals, rules in
 * order, then PII redaction of what is kept.
 *
 * <pre>{@code
 * FilterPipeline pipeline = new FilterPipeline(FilterConfig.defaults());
 * Outcome outcome = pipeline.filter(document);          // for the ledger and the output
 * Evaluation e = pipeline.evaluate(document);           // plus signals and every failing rule
 * }</pre>
 *
 * <p>Not thread-safe (it reuses buffers between documents): create one per thread or Spark
 * partition; creating one costs well under a millisecond once the classes are loaded. The
 * {@link FilterConfig} and {@link QualityClassifier} are immutable and may be shared.
 */
public final class FilterPipeline {
  /** The stage name in ledgers and removed-document rows. */
  public static final String STAGE = "filter";

  private final FilterConfig config;
  private final Optional<QualityClassifier> model;
  private final TextProfiler profiler = new TextProfiler();
  private final List<SignalFamily> families = SignalFamily.all();
  private final Optional<PiiRedactor> redactor;
  private final SignalValues values = new SignalValues();

  public FilterPipeline(FilterConfig config) {
    this(config, Optional.empty());
  }

  /**
   * @param model the quality classifier that sets {@code quality_score}; required when a rule
   *              reads that signal
   */
  public FilterPipeline(FilterConfig config, Optional<QualityClassifier> model) {
    this.config = Objects.requireNonNull(config, "config");
    this.model = Objects.requireNonNull(model, "model");
    String score = SignalSchema.QUALITY_SCORE.name();
    if (model.isEmpty() && config.rules().reads(score)) {
      throw new IllegalArgumentException(config.source() + ": a rule reads " + score
          + " but the pipeline was given no quality model");
    }
    this.redactor = config.pii().isEmpty()
        ? Optional.empty() : Optional.of(new PiiRedactor(config.pii()));
  }

  public FilterConfig config() {
    return config;
  }

  /** The rule names in order: the rows of the per-rule report. */
  public List<String> ruleNames() {
    return config.rules().names();
  }

  /** The document's fate: what the ledger records and the output keeps. */
  public Outcome filter(Document document) {
    return evaluate(document).outcome();
  }

  /**
   * The document's fate with everything behind it.
   *
   * @throws IllegalStateException when the rules include a percentile rule that has not been
   *     given its corpus-wide cut-offs ({@link FilterConfig#withPercentiles})
   */
  public Evaluation evaluate(Document document) {
    String lang = StopWords.normalize(document.lang());
    CleanResult cleaning = computeSignals(document.text(), lang, true);
    SignalValues signals = values.copy();
    String script = signals.dominantScript();

    RuleSet rules = config.rules();
    List<String> failed = new ArrayList<>();
    String detail = "";
    for (int i = 0; i < rules.size(); i++) {
      Rule rule = rules.get(i);
      double v = rule.input().read(signals, document);
      if (!rule.keeps(v, lang, script)) {
        if (failed.isEmpty()) {
          detail = rule.explain(v, lang, script);
        }
        failed.add(rule.name());
      }
    }
    if (!failed.isEmpty()) {
      Outcome removed = Outcome.Dropped.removed(STAGE, failed.get(0), detail, document);
      return new Evaluation(removed, signals, failed, cleaning, Map.of());
    }

    List<String> modifications = new ArrayList<>();
    String text = cleaning.text();
    if (cleaning.changed()) {
      modifications.add(C4LineCleaner.NAME);
    }
    Map<String, Integer> pii = Map.of();
    if (redactor.isPresent()) {
      Redaction r = redactor.get().redact(text);
      if (r.changed()) {
        text = r.text();
        pii = r.counts();
        modifications.addAll(r.counts().keySet().stream().sorted().toList());
      }
    }
    Document kept = text.equals(document.text()) ? document : withText(document, text);
    return new Evaluation(new Outcome.Kept(kept, modifications), signals, List.of(), cleaning,
        pii);
  }

  /**
   * The signals of a document as the rules would see them (after line cleaning), without
   * judging it: for {@code winnow signals}, and for the first pass that collects
   * {@code quality_score} percentiles. The returned values are a copy.
   */
  public SignalValues signals(Document document) {
    computeSignals(document.text(), StopWords.normalize(document.lang()), true);
    return values.copy();
  }

  /** The signals of {@code text} as written (no cleaning), in language {@code lang}. */
  public SignalValues signals(String text, String lang) {
    computeSignals(text, StopWords.normalize(lang), false);
    return values.copy();
  }

  private CleanResult computeSignals(String text, String lang, boolean clean) {
    TextProfile profile = profiler.profile(text, lang);
    CleanResult cleaning = CleanResult.unchanged(text);
    if (clean && config.cleaner().isPresent()) {
      cleaning = config.cleaner().get().clean(profile);
      if (cleaning.changed()) {
        String cleaned = cleaning.text();
        // Dropping whole lines needs no second scan; an edited line (a citation) does.
        profile = profiler.profileKeptLines(cleaned)
            .orElseGet(() -> profiler.profile(cleaned, lang));
      }
    }
    values.clear();
    for (SignalFamily family : families) {
      family.compute(profile, values);
    }
    if (model.isPresent()) {
      values.set(SignalSchema.QUALITY_SCORE,
          model.get().score(profile.wordFoldHashes(), profile.wordCount()));
    }
    return cleaning;
  }

  private static Document withText(Document d, String text) {
    return new Document(d.id(), d.url(), d.domain(), d.source(), d.fetchTime(), d.lang(),
        d.langScore(), d.title(), text, d.warcFile(), d.warcOffset(), d.hiddenChars());
  }
}
