package org.winnow.jobs.tokenize;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.length;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.SparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.winnow.core.ledger.Fate;
import org.winnow.core.ledger.Ledger;
import org.winnow.core.output.AtomicOutput;
import org.winnow.core.schema.DocumentSchema;
import org.winnow.jobs.io.HadoopOutputStore;
import org.winnow.jobs.report.ProgressReporter;
import org.winnow.jobs.spark.JobCounters;
import org.winnow.jobs.spark.LiveCounters;
import org.winnow.tokenizer.train.BpeTrainer;
import org.winnow.tokenizer.train.BpeTrainerConfig;
import org.winnow.tokenizer.vocab.BpeDefinition;
import org.winnow.tokenizer.vocab.TiktokenRankFile;
import org.winnow.tokenizer.vocab.TokenizerJsonWriter;
import scala.Tuple2;

/**
 * Trains a byte-level BPE vocabulary: pre-tokens are counted by a Spark job (each partition in a
 * primitive map, then summed by key), and the merges are learned on the driver by
 * {@link BpeTrainer}. Writes {@code <name>.tiktoken} and {@code tokenizer.json}, which encode
 * identically; {@code <|endoftext|>} takes the last id.
 */
public final class TrainTokenizerJob {
  /** The stage name in the ledger. */
  public static final String STAGE = "train-tokenizer";
  /** The file Hugging Face tokenizers and {@code Tokenizers.open(dir)} read. */
  public static final String TOKENIZER_JSON = "tokenizer.json";

  private final SparkSession spark;
  private final PrintWriter err;

  public TrainTokenizerJob(SparkSession spark, PrintWriter err) {
    this.spark = spark;
    this.err = err;
  }

  public TrainTokenizerReport run(TrainTokenizerSpec spec) {
    long start = System.nanoTime();
    BpeTrainerConfig config = BpeTrainerConfig.of(spec.name(), spec.vocabSize(), spec.regex());
    Configuration hadoop = spark.sparkContext().hadoopConfiguration();
    HadoopOutputStore store = new HadoopOutputStore(hadoop);
    AtomicOutput out = store.prepare(spec.output(), spec.force());
    String target = out.target();
    if (out.alreadyDone()) {
      return new TrainTokenizerReport(target, true, store.readLedger(target),
          store.child(target, spec.rankFileName()), store.child(target, TOKENIZER_JSON),
          spec.vocabSize(), 0, 0, 0, 0);
    }
    try {
      return train(spec, config, out, store, start);
    } catch (RuntimeException e) {
      out.abort();
      throw e;
    }
  }

  private TrainTokenizerReport train(TrainTokenizerSpec spec, BpeTrainerConfig config,
      AtomicOutput out, HadoopOutputStore store, long start) {
    SparkContext sc = spark.sparkContext();
    JobCounters counters = JobCounters.register(sc, STAGE);
    Dataset<Row> docs = spark.read().parquet(spec.inputs().toArray(String[]::new))
        .select(col(DocumentSchema.TEXT.name()));
    Ledger ledger = new Ledger(STAGE);
    long in = docs.count();
    long empty = docs.where(col(DocumentSchema.TEXT.name()).isNull()
        .or(length(col(DocumentSchema.TEXT.name())).equalTo(0))).count();
    ledger.count(Fate.KEPT, "", in - empty);
    ledger.count(Fate.REJECTED, RejectReasons.EMPTY_TEXT, empty);

    List<Tuple2<String, Long>> counted;
    try (LiveCounters live = LiveCounters.start(sc, counters);
        ProgressReporter p = ProgressReporter.start(STAGE, err, live::records, live::records, in,
            ProgressReporter.Unit.DOCUMENTS)) {
      counted = docs.javaRDD()
          .mapPartitionsToPair(new PreTokenCountTask(config.pattern(), counters))
          .reduceByKey(Long::sum)
          .collect();
    }
    double countSeconds = (System.nanoTime() - start) / 1e9;
    // Sorted, so the merges do not depend on the order partitions arrived in.
    List<Tuple2<String, Long>> sorted = new java.util.ArrayList<>(counted);
    sorted.sort((a, b) -> a._1().compareTo(b._1()));
    err.println(STAGE + ": learning " + config.mergeTarget() + " merges from " + sorted.size()
        + " distinct pre-tokens");
    long mergeStart = System.nanoTime();
    Iterator<Tuple2<String, Long>> it = sorted.iterator();
    BpeDefinition trained = new BpeTrainer(config).train(new Iterator<Map.Entry<String, Long>>() {
      @Override
      public boolean hasNext() {
        return it.hasNext();
      }

      @Override
      public Map.Entry<String, Long> next() {
        Tuple2<String, Long> t = it.next();
        return Map.entry(t._1(), t._2());
      }
    });
    double mergeSeconds = (System.nanoTime() - mergeStart) / 1e9;

    String rankFile = store.child(out.staging(), spec.rankFileName());
    String json = store.child(out.staging(), TOKENIZER_JSON);
    Configuration hadoop = sc.hadoopConfiguration();
    try {
      try (OutputStream o = create(hadoop, rankFile)) {
        TiktokenRankFile.write(trained.tokens(), o);
      }
      try (OutputStream o = create(hadoop, json)) {
        TokenizerJsonWriter.write(trained, o);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the vocabulary to " + out.staging(), e);
    }
    double elapsed = (System.nanoTime() - start) / 1e9;
    Map<String, Object> extra = new LinkedHashMap<>();
    extra.put("inputs", spec.inputs());
    extra.put("name", spec.name());
    extra.put("pattern", spec.pattern());
    extra.put("vocab_size_asked", spec.vocabSize());
    extra.put("vocab_size", trained.vocabSize());
    extra.put("distinct_pre_tokens", sorted.size());
    extra.put("count_s", round(countSeconds));
    extra.put("merge_s", round(mergeSeconds));
    extra.put("elapsed_s", round(elapsed));
    extra.put("spark_master", sc.master());
    out.writeLedger(ledger.toJson(extra));
    out.commit();
    return new TrainTokenizerReport(out.target(), false, ledger,
        store.child(out.target(), spec.rankFileName()), store.child(out.target(), TOKENIZER_JSON),
        trained.vocabSize(), sorted.size(), countSeconds, mergeSeconds, elapsed);
  }

  private static OutputStream create(Configuration hadoop, String file) throws IOException {
    Path path = new Path(file);
    FileSystem fs = path.getFileSystem(hadoop);
    return fs.create(path, false);
  }

  private static double round(double x) {
    return Double.isFinite(x) ? Math.round(x * 1000) / 1000.0 : 0;
  }

}
