package org.winnow.bench.job;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.lit;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.winnow.core.Document;
import org.winnow.core.schema.DocumentSchema;
import org.winnow.ingest.IngestConfig;
import org.winnow.jobs.ingest.IngestJob;
import org.winnow.jobs.ingest.IngestSpec;
import org.winnow.jobs.quickstart.QuickstartCorpus;
import org.winnow.jobs.spark.SparkSchemas;

/**
 * The input of the document-stage benchmarks: the quick-start sample's first {@code docs}
 * documents, ingested (once; reused after), repeated {@code copies} times under new ids, as a
 * Parquet document dataset and as documents in memory for the library loop. A job has fixed
 * costs per run (planning, starting tasks, checking footers, committing) that only a large
 * enough input amortises, as on a real corpus.
 *
 * @param input     the document dataset, all copies
 * @param ingested  the dataset of one copy
 * @param documents every document of {@code input}, in its order
 */
record CopiedCorpus(String input, String ingested, List<Document> documents) {

  static CopiedCorpus build(SparkSession spark, Path work, int docs, int copies,
      PrintWriter err) throws IOException {
    QuickstartCorpus.Summary corpus =
        QuickstartCorpus.ensure(work.resolve("warc-" + docs), docs, false, err);
    String ingested = work.resolve("ingest-" + docs).toString();
    new IngestJob(spark, err).run(new IngestSpec(List.of(corpus.dir().toString()), ingested,
        IngestConfig.defaults("europarl"), 128L << 20, false));
    return copied(spark, ingested, work.resolve("filter-input-" + docs + "x" + copies), copies);
  }

  /**
   * {@code documents} written as a document dataset under {@code work/name}, then repeated
   * {@code copies} times under new ids, as {@link #build} does with the ingested sample.
   */
  static CopiedCorpus of(SparkSession spark, Path work, String name, List<Document> documents,
      int copies) {
    List<Row> rows = documents.stream().map(d -> RowFactory.create(DocumentSchema.values(d)))
        .toList();
    String one = work.resolve(name).toString();
    spark.createDataFrame(rows, SparkSchemas.document()).write().mode(SaveMode.Overwrite)
        .parquet(one);
    return copied(spark, one, work.resolve(name + "x" + copies), copies);
  }

  private static CopiedCorpus copied(SparkSession spark, String ingested, Path to, int copies) {
    Dataset<Row> one = spark.read().parquet(ingested);
    Dataset<Row> many = one;
    for (int c = 1; c < copies; c++) {
      many = many.unionByName(one.withColumn("id", concat(col("id"), lit("-" + c))));
    }
    String input = to.toString();
    many.write().mode(SaveMode.Overwrite).parquet(input);
    List<Document> documents = new ArrayList<>();
    for (Row r : spark.read().parquet(input).collectAsList()) {
      Object[] v = new Object[DocumentSchema.COLUMNS.size()];
      for (int i = 0; i < v.length; i++) {
        v[i] = r.get(r.fieldIndex(DocumentSchema.COLUMNS.get(i).name()));
      }
      documents.add(DocumentSchema.fromValues(v));
    }
    long chars = documents.stream().mapToLong(d -> d.text().length()).sum();
    JobDuel.say("input: %,d documents (%d copies), %.1f M characters (%s)", documents.size(),
        copies, chars / 1e6, input);
    return new CopiedCorpus(input, ingested, documents);
  }
}
