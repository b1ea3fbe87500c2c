package org.winnow.filter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.winnow.core.ledger.Ledger;
import org.winnow.core.ledger.Outcome;
import org.winnow.filter.clean.C4LineCleaner;
import org.winnow.filter.pii.PiiScanner;
import org.winnow.filter.rules.Rule;
import org.winnow.filter.rules.ThresholdRule;
import org.winnow.filter.signals.Signal;
import org.winnow.filter.signals.SignalFamily;
import org.winnow.filter.signals.SignalSchema;
import org.winnow.filter.signals.SignalValues;

/** Every component is registered, documented, and survives random chains over hostile text. */
class RegistryTest {
  @Test
  void everySignalBelongsToOneRegisteredFamily() {
    Set<String> families = new HashSet<>();
    Set<String> covered = new HashSet<>();
    for (SignalFamily f : SignalFamily.all()) {
      assertTrue(families.add(f.name()), "duplicate family " + f.name());
      assertFalse(f.signals().isEmpty(), f.name() + " has no signals");
      f.signals().forEach(s -> covered.add(s.name()));
    }
    for (Signal s : SignalSchema.SIGNALS) {
      assertTrue(covered.contains(s.name()) || s == SignalSchema.QUALITY_SCORE,
          s.name() + " is computed by no family");
      assertEquals(s, SignalSchema.SIGNALS.get(s.index()));
    }
  }

  @Test
  void everyFamilySetsEveryOneOfItsSignals() {
    FilterPipeline p = new FilterPipeline(FilterConfig.defaults());
    SignalValues v = p.signals(FilterPipelineTest.CLEAN, "en");
    for (Signal s : SignalSchema.SIGNALS) {
      if (s != SignalSchema.QUALITY_SCORE) {
        assertFalse(v.isNull(s), s.name() + " is null on ordinary English prose");
      }
    }
  }

  @Test
  void everyComponentIsDocumented() throws IOException {
    // Tests run in the module directory.
    String readme = Files.readString(Path.of("README.md"), StandardCharsets.UTF_8);
    String defaults = FilterConfig.defaults().yaml();
    List<String> missing = new ArrayList<>();
    for (Signal s : SignalSchema.SIGNALS) {
      if (!readme.contains("`" + s.name() + "`")) {
        missing.add("signal " + s.name());
      }
    }
    for (SignalFamily f : SignalFamily.all()) {
      if (!readme.contains("`" + f.name() + "`")) {
        missing.add("family " + f.name());
      }
    }
    for (PiiScanner s : PiiScanner.all()) {
      if (!readme.contains("`" + s.name() + "`") || !readme.contains(s.placeholder())
          || !defaults.contains(s.name())) {
        missing.add("redactor " + s.name());
      }
    }
    if (!readme.contains(C4LineCleaner.NAME) || !defaults.contains(C4LineCleaner.NAME)) {
      missing.add("cleaner " + C4LineCleaner.NAME);
    }
    assertEquals(List.of(), missing, "not in README.md or the default rules");
  }

  @Test
  void randomChainsOverHostileTextKeepTheLedgerBalanced() {
    List<Rule> all = FilterConfig.defaults().rules().rules();
    List<String> pii = PiiScanner.all().stream().map(PiiScanner::name).toList();
    List<String> texts = List.of("", " ", "\n\n\n", "a", "\uD800", "x\uDC00y", "\uD83D",
        "\u202Eevil text\u202C reversed", "zero\u200Bwidth\u200Cjoin\u200D", "\u0000\u0001\u0002",
        "שלום עולם. مرحبا بالعالم.", "x".repeat(1 << 18), "a b\n".repeat(20_000),
        FilterPipelineTest.CLEAN, "{" + FilterPipelineTest.CLEAN + "}",
        "Call +1 555 123 4567 or mail a@b.org from 8.8.8.8.");
    SplittableRandom random = new SplittableRandom(99);
    for (int chain = 0; chain < 15; chain++) {
      StringBuilder yaml = new StringBuilder();
      if (random.nextBoolean()) {
        yaml.append("clean:\n  c4_lines:\n    terminal_punctuation: ")
            .append(random.nextBoolean()).append('\n');
      }
      yaml.append("rules:\n");
      List<Rule> chosen = new ArrayList<>(all);
      java.util.Collections.shuffle(chosen, new java.util.Random(random.nextLong()));
      for (Rule r : chosen.subList(0, random.nextInt(chosen.size() + 1))) {
        ThresholdRule t = (ThresholdRule) r;
        yaml.append("  - name: ").append(t.name()).append("\n    signal: ")
            .append(t.input().name()).append('\n');
        t.bounds().min().ifPresent(m -> yaml.append("    min: ").append(m).append('\n'));
        t.bounds().max().ifPresent(m -> yaml.append("    max: ").append(m).append('\n'));
      }
      List<String> redactors = pii.stream().filter(n -> random.nextBoolean()).toList();
      yaml.append("pii: [").append(String.join(", ", redactors)).append("]\n");
      FilterConfig config = FilterConfig.parse(yaml.toString(), "chain-" + chain + ".yaml");
      FilterPipeline pipeline = new FilterPipeline(config);
      Ledger ledger = new Ledger(FilterPipeline.STAGE);
      for (String text : texts) {
        Evaluation e = pipeline.evaluate(HostileInputTest.doc(text));
        ledger.record(e.outcome());
        if (e.outcome() instanceof Outcome.Dropped d) {
          assertEquals(e.failedRules().get(0), d.reason());
          assertTrue(config.rules().names().contains(d.reason()));
        } else {
          assertTrue(e.failedRules().isEmpty());
        }
      }
      assertTrue(ledger.balanced(), ledger.toJson());
      assertEquals(texts.size(), ledger.in());
    }
  }
}
