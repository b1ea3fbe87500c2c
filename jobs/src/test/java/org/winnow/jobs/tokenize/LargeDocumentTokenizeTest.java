package org.winnow.jobs.tokenize;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.util.List;
import java.util.Random;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.winnow.core.schema.DocumentSchema;
import org.winnow.jobs.spark.SessionLease;
import org.winnow.jobs.spark.SparkSchemas;
import org.winnow.jobs.testing.TestSpark;
import org.winnow.loader.manifest.ShardManifest;
import org.winnow.loader.shard.DecodeColumns;
import org.winnow.loader.shard.ShardFile;
import org.winnow.loader.store.LocalShardStore;
import org.winnow.tokenizer.Tokenizer;
import org.winnow.tokenizer.Tokenizers;

/** A 50 MB document goes through the job whole, with the tokens the library gives it. */
@Tag("slow")
class LargeDocumentTokenizeTest {
  @TempDir Path tmp;

  @Test
  void aFiftyMegabyteDocumentIsEncodedWhole() throws IOException {
    try (SessionLease lease = TestSpark.start()) {
      SparkSession spark = lease.session();
      TestDocuments small = TestDocuments.write(spark, tmp.resolve("small"), 20, 3);
      Path vocab = small.trainVocabulary(tmp.resolve("vocab"), 400);
      StringBuilder sb = new StringBuilder(50 << 20);
      Random random = new Random(50);
      long bytes = 0;
      while (bytes < 50_000_000) {
        String part = TestDocuments.text(random, 1_000) + "\n";
        sb.append(part);
        bytes += part.getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
      }
      String text = sb.toString();
      Path docs = tmp.resolve("docs");
      spark.createDataFrame(List.of(RowFactory.create("big", "u", "d", "web",
              Timestamp.valueOf("2026-01-01 00:00:00"), "en", 1.0, "", text, "w", 0L, 0)),
          SparkSchemas.document())
          .select(SparkSchemas.select(DocumentSchema.COLUMNS))
          .write().parquet(docs.toString());
      Path out = tmp.resolve("shards");
      TokenizeReport r = new TokenizeJob(spark, new PrintWriter(Writer.nullWriter())).run(
          TokenizeSpec.of(List.of(docs.toString()), out.toString(), vocab.toString())
              .withHeldoutFraction(0));
      Tokenizer tokenizer = Tokenizers.open(vocab);
      int[] expected = tokenizer.encode(text);
      assertEquals(1, r.ledger().kept());
      assertEquals(expected.length + 1L, r.tokens());
      ShardManifest m = ShardManifest.read(LocalShardStore.INSTANCE, out.toString());
      String file = out.resolve(m.splits().get("train").shards().get(0).file()).toString();
      try (ShardFile f = ShardFile.open(LocalShardStore.INSTANCE, file)) {
        int[] tokens = f.decode(0, DecodeColumns.ALL).tokens(0);
        assertEquals(expected.length + 1, tokens.length);
        assertArrayEquals(expected, java.util.Arrays.copyOf(tokens, expected.length));
      }
    }
  }
}
