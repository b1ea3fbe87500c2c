package org.winnow.jobs.tokenize;

import static org.apache.spark.sql.functions.col;

import it.unimi.dsi.fastutil.objects.Object2LongOpenHashMap;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.winnow.core.schema.DocumentSchema;
import org.winnow.jobs.spark.SparkSchemas;
import org.winnow.tokenizer.pretokenize.PreTokenPatterns;
import org.winnow.tokenizer.train.BpeTrainer;
import org.winnow.tokenizer.train.BpeTrainerConfig;
import org.winnow.tokenizer.train.PreTokenCounter;
import org.winnow.tokenizer.vocab.BpeDefinition;
import org.winnow.tokenizer.vocab.TokenizerJsonWriter;

/**
 * A small document dataset in the document schema, written by Spark as the stages write it:
 * generated multilingual text from three sources (written source after source, so a shuffle has
 * something to mix), and one document of each kind the tokenize job must reject. The invalid
 * UTF-8 document is stored as a string column holding bytes no decoder accepts, as a broken
 * upstream writer would leave it.
 */
final class TestDocuments {
  static final List<String> SOURCES = List.of("europarl", "forum", "web");
  static final String EMPTY_ID = "doc-empty";
  static final String INVALID_ID = "doc-invalid";
  static final String LARGE_ID = "doc-large";
  /** A maximum document size the large document exceeds and no generated one reaches. */
  static final long MAX_BYTES = 16_000;

  private static final String[] WORDS = {
    "the", "parliament", "votes", "on", "a", "report", "Kommission", "über", "élection",
    "député", "значение", "議会", "投票", "🙂", "👩‍👩‍👧", "e\u0301", "2026", "12,5", "  ",
    "\n\n", "don't", "it's", "Πρόεδρος", "مجلس", "naïve", "ﬁle", "\t", "—", "x²", "a\u200db"
  };

  /** The valid documents: id to (source, text), in the order written. */
  final Map<String, String[]> valid = new LinkedHashMap<>();
  final Path dir;

  private TestDocuments(Path dir) {
    this.dir = dir;
  }

  /** Writes {@code perSource} documents per source plus the four bad ones to {@code dir}. */
  static TestDocuments write(SparkSession spark, Path dir, int perSource, long seed) {
    TestDocuments docs = new TestDocuments(dir);
    Random random = new Random(seed);
    List<Row> rows = new ArrayList<>();
    for (String source : SOURCES) {
      for (int i = 0; i < perSource; i++) {
        String id = source + "-" + i;
        String text = text(random, 5 + random.nextInt(200));
        docs.valid.put(id, new String[] {source, text});
        rows.add(row(id, source, text.getBytes(StandardCharsets.UTF_8)));
      }
    }
    rows.add(row(EMPTY_ID, "web", new byte[0]));
    rows.add(row(INVALID_ID, "web", new byte[] {'o', 'k', ' ', (byte) 0xC3, (byte) 0x28, 'x'}));
    rows.add(row(LARGE_ID, "web", "word ".repeat((int) MAX_BYTES / 4)
        .getBytes(StandardCharsets.UTF_8)));
    rows.add(row(null, "web", "no id".getBytes(StandardCharsets.UTF_8)));
    List<StructField> fields = new ArrayList<>();
    for (StructField f : SparkSchemas.document().fields()) {
      fields.add(f.name().equals(DocumentSchema.TEXT.name())
          ? DataTypes.createStructField("text_bytes", DataTypes.BinaryType, false)
          : DataTypes.createStructField(f.name(), f.dataType(), true));
    }
    Dataset<Row> raw = spark.createDataFrame(rows, new StructType(fields.toArray(StructField[]::new)));
    // Binary to string does not validate: the bytes are stored as they are.
    raw.withColumn(DocumentSchema.TEXT.name(), col("text_bytes").cast(DataTypes.StringType))
        .select(SparkSchemas.select(DocumentSchema.COLUMNS))
        .repartition(3)
        .write().parquet(dir.toString());
    return docs;
  }

  private static Row row(String id, String source, byte[] text) {
    return RowFactory.create(id, "https://example.org/" + id, "example.org", source,
        Timestamp.valueOf("2026-01-01 00:00:00"), "en", 0.9, "title", text, "test.warc.gz", 0L, 0);
  }

  static String text(Random random, int words) {
    StringBuilder sb = new StringBuilder();
    for (int w = 0; w < words; w++) {
      if (w > 0 && random.nextInt(4) > 0) {
        sb.append(' ');
      }
      sb.append(WORDS[random.nextInt(WORDS.length)]);
    }
    return sb.toString();
  }

  /** Trains a small vocabulary on these documents and writes its tokenizer.json into {@code dir}. */
  Path trainVocabulary(Path vocabDir, int vocabSize) throws IOException {
    PreTokenCounter counter = PreTokenCounter.forPattern(PreTokenPatterns.GPT2);
    Object2LongOpenHashMap<String> counts = new Object2LongOpenHashMap<>();
    valid.values().forEach(v -> counter.count(v[1], counts));
    BpeDefinition trained =
        new BpeTrainer(BpeTrainerConfig.of("test-bpe", vocabSize, PreTokenPatterns.GPT2))
            .train(counts);
    java.nio.file.Files.createDirectories(vocabDir);
    Path json = vocabDir.resolve("tokenizer.json");
    TokenizerJsonWriter.write(trained, json);
    return json;
  }
}
