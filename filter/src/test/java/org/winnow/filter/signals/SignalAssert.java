package org.winnow.filter.signals;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Compares signal values with expected ones, reporting every mismatch at once. */
final class SignalAssert {
  private SignalAssert() {}

  /** Every signal in {@code values} equals the entry of {@code expected} with its name. */
  static void matchesAll(SignalValues values, Map<String, Object> expected, String context) {
    List<String> problems = new ArrayList<>();
    for (Signal s : SignalSchema.SIGNALS) {
      if (!expected.containsKey(s.name())) {
        problems.add(s.name() + ": no expected value");
        continue;
      }
      check(values, s, expected.get(s.name()), problems);
    }
    report(problems, context);
  }

  /** The signals named in {@code expected} have those values. */
  static void matchesSome(SignalValues values, Map<String, Object> expected, String context) {
    List<String> problems = new ArrayList<>();
    for (Map.Entry<String, Object> e : expected.entrySet()) {
      Signal s = SignalSchema.byName(e.getKey()).orElse(null);
      assertNotNull(s, "no signal " + e.getKey());
      check(values, s, e.getValue(), problems);
    }
    report(problems, context);
  }

  private static void check(SignalValues values, Signal s, Object want, List<String> problems) {
    Object got = values.toRow()[s.index()];
    if (want == null || got == null) {
      if (want != got) {
        problems.add(s.name() + ": expected " + want + ", got " + got);
      }
    } else if (want instanceof Number w && got instanceof Number g) {
      double a = w.doubleValue();
      double b = g.doubleValue();
      if (Math.abs(a - b) > 1e-9 * Math.max(1, Math.abs(a))) {
        problems.add(s.name() + ": expected " + a + ", got " + b);
      }
    } else if (!want.equals(got)) {
      problems.add(s.name() + ": expected " + want + ", got " + got);
    }
  }

  private static void report(List<String> problems, String context) {
    if (!problems.isEmpty()) {
      fail(context + ":\n  " + String.join("\n  ", problems));
    }
    assertEquals(List.of(), problems);
  }
}
