package org.winnow.filter.rules;

/** Rule names become ledger reasons, which core requires to be lower snake case. */
final class RuleNames {
  private RuleNames() {}

  static String check(String name) {
    if (name == null || !name.matches("[a-z][a-z0-9_]*")) {
      throw new IllegalArgumentException("rule names are lower snake case, got '" + name + "'");
    }
    return name;
  }
}
