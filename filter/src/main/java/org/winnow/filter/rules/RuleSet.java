package org.winnow.filter.rules;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The document rules of a rule file, in file order: the first failing one is the reason. */
public final class RuleSet {
  private final List<Rule> rules;

  public RuleSet(List<Rule> rules) {
    this.rules = List.copyOf(rules);
    Set<String> names = new HashSet<>();
    for (Rule r : this.rules) {
      if (!names.add(r.name())) {
        throw new IllegalArgumentException("duplicate rule name '" + r.name() + "'");
      }
    }
  }

  public List<Rule> rules() {
    return rules;
  }

  public int size() {
    return rules.size();
  }

  public Rule get(int i) {
    return rules.get(i);
  }

  /** The rule names in order: the per-rule report's rows. */
  public List<String> names() {
    return rules.stream().map(Rule::name).toList();
  }

  /** The percentile rules, which need corpus-wide cut-offs before the set can filter. */
  public List<PercentileRule> percentileRules() {
    return rules.stream().filter(r -> r instanceof PercentileRule)
        .map(r -> (PercentileRule) r).toList();
  }

  /** Whether any rule reads {@code input}. */
  public boolean reads(String input) {
    return rules.stream().anyMatch(r -> r.input().name().equals(input));
  }

  /**
   * This set with the percentile rules resolved: {@code cutoffs} maps a rule name to its
   * cut-offs by language (see {@link PercentileRule#resolve}). Every percentile rule needs an
   * entry; names of other rules are an error.
   */
  public RuleSet withPercentiles(Map<String, Map<String, Double>> cutoffs) {
    Set<String> unused = new HashSet<>(cutoffs.keySet());
    List<Rule> out = new ArrayList<>(rules.size());
    for (Rule r : rules) {
      if (r instanceof PercentileRule p) {
        Map<String, Double> c = cutoffs.get(p.name());
        if (c == null) {
          throw new IllegalArgumentException("no cut-offs given for percentile rule " + p.name());
        }
        unused.remove(p.name());
        out.add(p.resolve(c));
      } else {
        out.add(r);
      }
    }
    if (!unused.isEmpty()) {
      throw new IllegalArgumentException("cut-offs given for unknown percentile rule(s) " + unused);
    }
    return new RuleSet(out);
  }
}
