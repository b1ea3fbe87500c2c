package org.winnow.filter.rules;

import java.util.Map;
import java.util.Objects;

/**
 * Keeps documents whose input lies within fixed bounds. Bounds may differ per language (by ISO
 * 639-1 code) and per dominant script; a language override wins over a script override, which
 * wins over the rule's own bounds.
 */
public final class ThresholdRule implements Rule {
  /** How the rule file names this kind of rule. */
  public static final String KIND = "threshold";

  private final String name;
  private final RuleInput input;
  private final Bounds bounds;
  private final Map<String, Bounds> byLang;
  private final Map<String, Bounds> byScript;

  public ThresholdRule(String name, RuleInput input, Bounds bounds, Map<String, Bounds> byLang,
      Map<String, Bounds> byScript) {
    this.name = RuleNames.check(name);
    this.input = Objects.requireNonNull(input, "input");
    this.bounds = Objects.requireNonNull(bounds, "bounds");
    this.byLang = Map.copyOf(byLang);
    this.byScript = Map.copyOf(byScript);
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public RuleInput input() {
    return input;
  }

  /** The bounds that apply to a document in {@code lang} whose dominant script is {@code script}. */
  public Bounds boundsFor(String lang, String script) {
    Bounds b = byLang.get(lang);
    if (b == null && script != null) {
      b = byScript.get(script);
    }
    return b == null ? bounds : b;
  }

  public Bounds bounds() {
    return bounds;
  }

  public Map<String, Bounds> byLang() {
    return byLang;
  }

  public Map<String, Bounds> byScript() {
    return byScript;
  }

  @Override
  public boolean keeps(double value, String lang, String script) {
    return boundsFor(lang, script).keeps(value);
  }

  @Override
  public String explain(double value, String lang, String script) {
    return input.name() + " " + boundsFor(lang, script).explain(value);
  }

  @Override
  public String toString() {
    return name + ": " + input.name() + " " + bounds;
  }
}
