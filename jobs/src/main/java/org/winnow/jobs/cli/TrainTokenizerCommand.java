package org.winnow.jobs.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.winnow.jobs.spark.SessionLease;
import org.winnow.jobs.spark.SparkSessions;
import org.winnow.jobs.tokenize.TrainTokenizerJob;
import org.winnow.jobs.tokenize.TrainTokenizerReport;
import org.winnow.jobs.tokenize.TrainTokenizerSummary;
import org.winnow.jobs.tokenize.TrainTokenizerSpec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code winnow train-tokenizer}: a byte-level BPE vocabulary from the document dataset. */
@Command(
    name = "train-tokenizer",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    sortOptions = false,
    header = "Train a byte-level BPE vocabulary from the document dataset.",
    description = {
      "Counts pre-tokens with a Spark job, learns merges on the driver, and writes "
          + "<name>.tiktoken and tokenizer.json (which Hugging Face tokenizers loads) with "
          + "_ledger.json beside them. <|endoftext|> takes the last id. Give the output "
          + "directory to winnow tokenize --tokenizer."
    })
final class TrainTokenizerCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = {"-i", "--input"}, required = true, split = ",", paramLabel = "PATH",
      description = "Document datasets (Parquet); comma separated or repeated.")
  List<String> inputs = new ArrayList<>();

  @Option(names = "--vocab-size", required = true, paramLabel = "N",
      description = "Ids in all: 256 bytes, the merges and <|endoftext|>.")
  int vocabSize;

  @Option(names = {"-o", "--output"}, required = true, paramLabel = "DIR",
      description = "Directory to create.")
  String output;

  @Option(names = "--pattern", paramLabel = "NAME", defaultValue = "gpt2",
      description = "Pre-tokenisation pattern: gpt2, cl100k or o200k (default: ${DEFAULT-VALUE}).")
  String pattern;

  @Option(names = "--name", paramLabel = "NAME", defaultValue = "winnow-bpe",
      description = "The vocabulary's name, recorded in shard manifests "
          + "(default: ${DEFAULT-VALUE}).")
  String name;

  @Option(names = "--force", description = "Redo a finished output, or replace what is there.")
  boolean force;

  @Mixin SparkOptions sparkOptions;

  @Override
  public Integer call() {
    TrainTokenizerSpec job;
    try {
      job = new TrainTokenizerSpec(inputs, output, name, vocabSize, pattern, force);
      org.winnow.tokenizer.train.BpeTrainerConfig.of(name, vocabSize, job.regex());
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage());
    }
    try (SessionLease lease = SparkSessions.open("winnow train-tokenizer",
        sparkOptions.master(), Map.of())) {
      TrainTokenizerReport r =
          new TrainTokenizerJob(lease.session(), spec.commandLine().getErr()).run(job);
      spec.commandLine().getOut().print(TrainTokenizerSummary.render(r));
      spec.commandLine().getOut().flush();
    }
    return 0;
  }
}
