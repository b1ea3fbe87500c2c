package org.winnow.jobs.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.winnow.jobs.export.ExportFormat;
import org.winnow.jobs.export.ExportReport;
import org.winnow.jobs.export.ShardExporter;
import org.winnow.jobs.report.SummaryTable;
import org.winnow.jobs.report.Units;
import org.winnow.loader.shard.Split;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code winnow export}: token shards to the files other trainers read. */
@Command(
    name = "export",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    sortOptions = false,
    header = "Export token shards for Megatron-LM/NeMo or llm.c/nanoGPT.",
    description = {
      "megatron: <split>.bin + <split>.idx, Megatron-LM's indexed dataset (uint16 tokens below "
          + "65,500 ids, int32 otherwise), one sequence per document.",
      "nanogpt: <split>_NNNNNN.bin, llm.c's files: a 256-int32 header (20240520, 1, token "
          + "count) and uint16 tokens; vocabularies over 65,535 ids are refused.",
      "Documents keep the shards' (shuffled) order and their end-of-text tokens."
    })
final class ExportCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = {"-i", "--input"}, required = true, paramLabel = "DIR",
      description = "Shard-set directory (with manifest.json).")
  String input;

  @Option(names = {"-f", "--format"}, required = true, paramLabel = "FORMAT",
      description = "megatron or nanogpt.")
  String format;

  @Option(names = {"-o", "--output"}, required = true, paramLabel = "DIR",
      description = "Directory to write into; existing files are not overwritten.")
  Path output;

  @Option(names = "--split", paramLabel = "NAME", defaultValue = "both",
      description = "train, heldout or both (default: ${DEFAULT-VALUE}).")
  String split;

  @Option(names = "--file-tokens", paramLabel = "N", defaultValue = "100000000",
      description = "nanogpt: tokens per file (default: ${DEFAULT-VALUE}, as llm.c's scripts).")
  long fileTokens;

  @Override
  public Integer call() throws IOException {
    ExportFormat f;
    List<Split> splits;
    try {
      f = ExportFormat.named(format);
      splits = split.equalsIgnoreCase("both") ? List.of(Split.values())
          : List.of(Split.named(split));
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage());
    }
    if (fileTokens <= 0) {
      throw new ParameterException(spec.commandLine(), "--file-tokens must be > 0, got "
          + fileTokens);
    }
    ExportReport r = ShardExporter.export(input, splits, f, output, fileTokens);
    PrintWriter out = spec.commandLine().getOut();
    SummaryTable t = new SummaryTable().header("split", "documents", "tokens");
    for (Map.Entry<String, long[]> e : r.splits().entrySet()) {
      t.row(e.getKey(), Units.count(e.getValue()[0]), Units.count(e.getValue()[1]));
    }
    out.printf("export: %s files in %s%n", f.label(), r.output());
    out.print(t.render());
    for (Path p : r.files()) {
      out.println("  " + p);
    }
    out.flush();
    return 0;
  }
}
