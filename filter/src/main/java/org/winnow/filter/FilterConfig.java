package org.winnow.filter;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import org.winnow.filter.clean.C4LineCleaner;
import org.winnow.filter.config.ConfigNode;
import org.winnow.filter.config.FilterConfigException;
import org.winnow.filter.config.YamlReader;
import org.winnow.filter.pii.PiiScanner;
import org.winnow.filter.rules.Bounds;
import org.winnow.filter.rules.PercentileRule;
import org.winnow.filter.rules.Rule;
import org.winnow.filter.rules.RuleInput;
import org.winnow.filter.rules.RuleSet;
import org.winnow.filter.rules.ThresholdRule;
import org.winnow.filter.signals.Signal;
import org.winnow.filter.signals.SignalSchema;

/**
 * A parsed rule file: optional line cleaning, the document rules in order, and the PII
 * redactors. Immutable and thread-safe; a Spark job can ship {@link #yaml()} and {@link
 * #source()} to executors and parse them there (parsing takes well under a millisecond).
 *
 * <p>The format, with every key (unknown keys are an error naming the key and its line):
 * <pre>
 * version: 1
 * clean:                       # optional; no key, no cleaning
 *   c4_lines:                  # C4LineCleaner; omitted parameters take C4's values
 *     min_words: 3
 *     max_word_length: 1000
 *     remove_citations: true
 *     terminal_punctuation: true
 *     javascript: true
 *     policy: true
 * rules:                       # in order; the first failing rule is the removal reason
 *   - name: gopher_word_count  # lower snake case: the ledger reason
 *     signal: word_count       # a numeric signal of SignalSchema, or lang_score
 *     min: 50                  # inclusive bounds, either or both
 *     max: 100000
 *     scripts:                 # optional per dominant script: min, max, skip
 *       thai: {skip: true}
 *     langs:                   # optional per language (wins over scripts)
 *       de: {max: 120000}
 *   - name: quality_top10
 *     signal: quality_score
 *     min_percentile: 90       # keep the top 10% (or max_percentile: keep the bottom)
 *     per_lang: true           # cut-offs per language (default) or corpus-wide
 * pii: [pii_email, pii_card, pii_ipv6, pii_ipv4, pii_phone]
 * </pre>
 */
public final class FilterConfig {
  /** The classpath resource holding the default rules. */
  public static final String DEFAULT_RESOURCE = "/org/winnow/filter/default-rules.yaml";

  private static final Set<String> TOP_KEYS = Set.of("version", "clean", "rules", "pii");
  private static final Set<String> CLEAN_KEYS = Set.of(C4LineCleaner.NAME);
  private static final Set<String> C4_KEYS = Set.of("min_words", "max_word_length",
      "remove_citations", "terminal_punctuation", "javascript", "policy");
  private static final Set<String> RULE_KEYS = Set.of("name", "signal", "min", "max", "langs",
      "scripts", "min_percentile", "max_percentile", "per_lang");
  private static final Set<String> OVERRIDE_KEYS = Set.of("min", "max", "skip");

  private final String yaml;
  private final String source;
  private final Optional<C4LineCleaner> cleaner;
  private final RuleSet rules;
  private final List<PiiScanner> pii;

  private FilterConfig(String yaml, String source, Optional<C4LineCleaner> cleaner,
      RuleSet rules, List<PiiScanner> pii) {
    this.yaml = yaml;
    this.source = source;
    this.cleaner = cleaner;
    this.rules = rules;
    this.pii = List.copyOf(pii);
  }

  /** The default rules: the published thresholds, language-aware (see the resource). */
  public static FilterConfig defaults() {
    try (InputStream in = FilterConfig.class.getResourceAsStream(DEFAULT_RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("missing classpath resource " + DEFAULT_RESOURCE);
      }
      return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), "default-rules.yaml");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + DEFAULT_RESOURCE, e);
    }
  }

  /** Reads a rule file. */
  public static FilterConfig load(Path file) throws IOException {
    return parse(Files.readString(file, StandardCharsets.UTF_8), file.toString());
  }

  /**
   * Parses a rule file's text.
   *
   * @param source the name errors give for it
   * @throws FilterConfigException naming the source, line and key of the first problem
   */
  public static FilterConfig parse(String yaml, String source) {
    Objects.requireNonNull(yaml, "yaml");
    ConfigNode.MapNode root = YamlReader.read(yaml, source).asMap("a rule file");
    ConfigNode version = root.take("version");
    if (version != null && version.asScalar("version").asInt("version") != 1) {
      throw version.error("unsupported rule file version; this reader knows version 1");
    }
    Optional<C4LineCleaner> cleaner = parseClean(root.take("clean"));
    RuleSet rules = parseRules(root.take("rules"));
    List<PiiScanner> pii = parsePii(root.take("pii"));
    root.done("rule file", TOP_KEYS);
    return new FilterConfig(yaml, source, cleaner, rules, pii);
  }

  private static Optional<C4LineCleaner> parseClean(ConfigNode node) {
    if (node == null || node instanceof ConfigNode.Scalar s && s.isNull()) {
      return Optional.empty();
    }
    ConfigNode.MapNode clean = node.asMap("clean");
    ConfigNode c4Node = clean.take(C4LineCleaner.NAME);
    clean.done("clean", CLEAN_KEYS);
    if (c4Node == null) {
      return Optional.empty();
    }
    ConfigNode.MapNode c4 = c4Node instanceof ConfigNode.Scalar s && s.isNull()
        ? null : c4Node.asMap(C4LineCleaner.NAME);
    C4LineCleaner defaults = C4LineCleaner.c4();
    if (c4 == null) {
      return Optional.of(defaults);
    }
    String where = "clean." + C4LineCleaner.NAME;
    int minWords = intOr(c4, "min_words", 3, where);
    int maxWordLength = intOr(c4, "max_word_length", 1000, where);
    boolean citations = boolOr(c4, "remove_citations", true, where);
    boolean terminal = boolOr(c4, "terminal_punctuation", true, where);
    boolean javascript = boolOr(c4, "javascript", true, where);
    boolean policy = boolOr(c4, "policy", true, where);
    c4.done(where, C4_KEYS);
    try {
      return Optional.of(
          new C4LineCleaner(minWords, maxWordLength, citations, terminal, javascript, policy));
    } catch (IllegalArgumentException e) {
      throw c4.error(where + ": " + e.getMessage());
    }
  }

  private static int intOr(ConfigNode.MapNode m, String key, int fallback, String where) {
    ConfigNode n = m.take(key);
    return n == null ? fallback : n.asScalar(where + "." + key).asInt(where + "." + key);
  }

  private static boolean boolOr(ConfigNode.MapNode m, String key, boolean fallback, String where) {
    ConfigNode n = m.take(key);
    return n == null ? fallback : n.asScalar(where + "." + key).asBoolean(where + "." + key);
  }

  private static RuleSet parseRules(ConfigNode node) {
    if (node == null || node instanceof ConfigNode.Scalar s && s.isNull()) {
      return new RuleSet(List.of());
    }
    List<Rule> rules = new ArrayList<>();
    Map<String, Integer> lines = new LinkedHashMap<>();
    for (ConfigNode item : node.asList("rules").items()) {
      Rule r = parseRule(item.asMap("a rule"));
      Integer previous = lines.putIfAbsent(r.name(), item.line());
      if (previous != null) {
        throw item.error("rule '" + r.name() + "' is defined twice (first at line " + previous
            + "); names are ledger reasons and must be unique");
      }
      rules.add(r);
    }
    return new RuleSet(rules);
  }

  private static Rule parseRule(ConfigNode.MapNode m) {
    ConfigNode nameNode = m.take("name");
    if (nameNode == null) {
      throw m.error("a rule needs a 'name'");
    }
    String name = nameNode.asScalar("name").asString("name");
    if (!name.matches("[a-z][a-z0-9_]*")) {
      throw nameNode.error("rule name '" + name + "' must be lower snake case (it is a ledger reason)");
    }
    String where = "rule '" + name + "'";
    ConfigNode signalNode = m.take("signal");
    if (signalNode == null) {
      throw m.error(where + " needs a 'signal'");
    }
    String signalName = signalNode.asScalar(where + ".signal").asString(where + ".signal");
    RuleInput input = RuleInput.named(signalName).orElseThrow(() -> signalNode.error(
        where + ": unknown signal '" + signalName + "' (known: " + knownInputs() + ")"));

    ConfigNode minP = m.take("min_percentile");
    ConfigNode maxP = m.take("max_percentile");
    ConfigNode perLang = m.take("per_lang");
    ConfigNode min = m.take("min");
    ConfigNode max = m.take("max");
    ConfigNode langs = m.take("langs");
    ConfigNode scripts = m.take("scripts");
    m.done(where, RULE_KEYS);

    if (minP != null || maxP != null) {
      if (minP != null && maxP != null) {
        throw maxP.error(where + ": give min_percentile or max_percentile, not both");
      }
      if (min != null || max != null || langs != null || scripts != null) {
        throw m.error(where + ": a percentile rule takes no min, max, langs or scripts");
      }
      ConfigNode p = minP != null ? minP : maxP;
      double percentile = p.asScalar(where + ".percentile").asDouble(where + ".percentile");
      boolean byLang = perLang == null || perLang.asScalar(where + ".per_lang")
          .asBoolean(where + ".per_lang");
      try {
        return new PercentileRule(name, input, percentile,
            minP != null ? PercentileRule.Keep.AT_OR_ABOVE : PercentileRule.Keep.AT_OR_BELOW,
            byLang, Optional.empty());
      } catch (IllegalArgumentException e) {
        throw p.error(e.getMessage());
      }
    }
    if (perLang != null) {
      throw perLang.error(where + ": per_lang applies only to percentile rules");
    }
    if (min == null && max == null) {
      throw m.error(where + " needs 'min', 'max', 'min_percentile' or 'max_percentile'");
    }
    Bounds base = bounds(m, where, Bounds.NONE, min, max, null);
    return new ThresholdRule(name, input, base, overrides(langs, where, "langs", base),
        overrides(scripts, where, "scripts", base));
  }

  private static Map<String, Bounds> overrides(
      ConfigNode node, String where, String key, Bounds base) {
    Map<String, Bounds> out = new LinkedHashMap<>();
    if (node == null) {
      return out;
    }
    ConfigNode.MapNode map = node.asMap(where + "." + key);
    for (String code : map.keys()) {
      String w = where + "." + key + "." + code;
      ConfigNode.MapNode o = map.take(code).asMap(w);
      ConfigNode min = o.take("min");
      ConfigNode max = o.take("max");
      ConfigNode skip = o.take("skip");
      o.done(w, OVERRIDE_KEYS);
      out.put(code, bounds(o, w, base, min, max, skip));
    }
    return out;
  }

  /** {@code base} with the given keys replaced; an explicit null removes a bound. */
  private static Bounds bounds(ConfigNode.MapNode at, String where, Bounds base,
      ConfigNode min, ConfigNode max, ConfigNode skip) {
    OptionalDouble lo = min == null ? base.min() : optional(min, where + ".min");
    OptionalDouble hi = max == null ? base.max() : optional(max, where + ".max");
    boolean s = skip == null ? base.skip() : skip.asScalar(where + ".skip").asBoolean(where + ".skip");
    try {
      return new Bounds(lo, hi, s);
    } catch (IllegalArgumentException e) {
      throw at.error(where + ": " + e.getMessage());
    }
  }

  private static OptionalDouble optional(ConfigNode n, String what) {
    ConfigNode.Scalar s = n.asScalar(what);
    return s.isNull() ? OptionalDouble.empty() : OptionalDouble.of(s.asDouble(what));
  }

  private static String knownInputs() {
    List<String> names = new ArrayList<>();
    names.add(RuleInput.LANG_SCORE);
    for (Signal s : SignalSchema.SIGNALS) {
      if (RuleInput.named(s.name()).isPresent()) {
        names.add(s.name());
      }
    }
    return String.join(", ", names);
  }

  private static List<PiiScanner> parsePii(ConfigNode node) {
    if (node == null || node instanceof ConfigNode.Scalar s && s.isNull()) {
      return List.of();
    }
    List<String> wanted = new ArrayList<>();
    List<String> known = PiiScanner.all().stream().map(PiiScanner::name).toList();
    for (ConfigNode item : node.asList("pii").items()) {
      String name = item.asScalar("a pii entry").asString("a pii entry");
      if (!known.contains(name)) {
        throw item.error("unknown PII redactor '" + name + "' (known: "
            + String.join(", ", known) + ")");
      }
      if (wanted.contains(name)) {
        throw item.error("PII redactor '" + name + "' is listed twice");
      }
      wanted.add(name);
    }
    // Overlaps are resolved in the fixed order of PiiScanner.all(), not in file order, so that
    // reordering the list cannot change what a match counts as.
    return PiiScanner.all().stream().filter(s -> wanted.contains(s.name())).toList();
  }

  /**
   * This configuration with its percentile rules resolved (see {@link RuleSet#withPercentiles}).
   */
  public FilterConfig withPercentiles(Map<String, Map<String, Double>> cutoffs) {
    return new FilterConfig(yaml, source, cleaner, rules.withPercentiles(cutoffs), pii);
  }

  /**
   * The rule file's text as written, to ship to executors. Percentile cut-offs given with
   * {@link #withPercentiles} are not in it: ship the cut-off map too and apply it there.
   */
  public String yaml() {
    return yaml;
  }

  /** The rule file's name in error messages. */
  public String source() {
    return source;
  }

  public Optional<C4LineCleaner> cleaner() {
    return cleaner;
  }

  public RuleSet rules() {
    return rules;
  }

  /** The PII scanners, in the order overlaps are resolved. */
  public List<PiiScanner> pii() {
    return pii;
  }
}
