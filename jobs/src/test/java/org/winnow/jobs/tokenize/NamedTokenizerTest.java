package org.winnow.jobs.tokenize;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.Encoding;
import com.knuddels.jtokkit.api.EncodingType;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.winnow.jobs.testing.SharedSpark;
import org.winnow.loader.manifest.ShardManifest;
import org.winnow.tokenizer.vocab.TiktokenEncoding;

/**
 * {@code --tokenizer r50k_base}: the published rank file comes from the tokenizer cache (here
 * filled with the file jtokkit ships, which is the published one), the manifest names the
 * encoding with the published hash, and the shards hold jtokkit's ids.
 */
class NamedTokenizerTest {
  private static final PrintWriter QUIET = new PrintWriter(Writer.nullWriter());
  @TempDir static Path tmp;
  @RegisterExtension static final SharedSpark SPARK = new SharedSpark();
  private static TestDocuments docs;

  @BeforeAll
  static void start() throws Exception {
    docs = TestDocuments.write(SPARK.session(), tmp.resolve("docs"), 10, 3);
    Path cache = Files.createDirectories(tmp.resolve("cache"));
    try (InputStream in = NamedTokenizerTest.class.getResourceAsStream(
        "/com/knuddels/jtokkit/r50k_base.tiktoken")) {
      Files.copy(in, cache.resolve("r50k_base.tiktoken"));
    }
    System.setProperty("winnow.tokenizer.cache", cache.toString());
    // Nothing may be fetched: a cached file with the published hash is used as it is.
    System.setProperty("winnow.tokenizer.baseUrl", "http://127.0.0.1:9/");
  }

  @AfterAll
  static void stop() {
    System.clearProperty("winnow.tokenizer.cache");
    System.clearProperty("winnow.tokenizer.baseUrl");
  }

  @Test
  void aPublishedEncodingByName() throws Exception {
    Path out = tmp.resolve("shards");
    TokenizeReport r = new TokenizeJob(SPARK.session(), QUIET).run(TokenizeSpec.of(
        List.of(docs.dir.toString()), out.toString(), "r50k_base")
        .withHeldoutFraction(0.2).withMaxDocumentBytes(TestDocuments.MAX_BYTES));
    ShardManifest m = r.manifest();
    assertEquals("r50k_base", m.tokenizer().name());
    assertEquals(TiktokenEncoding.R50K_BASE.rankFileSha256(), m.tokenizer().sha256());
    assertEquals(50_256, m.tokenizer().eotId());
    Encoding jtokkit = Encodings.newDefaultEncodingRegistry().getEncoding(EncodingType.R50K_BASE);
    List<ShardRows.Doc> rows = ShardRows.readAll(out);
    for (ShardRows.Doc d : rows) {
      int[] want = jtokkit.encodeOrdinary(docs.valid.get(d.docId())[1]).toArray();
      int[] got = d.tokens();
      assertEquals(50_256, got[got.length - 1], d.docId());
      assertArrayEquals(want, Arrays.copyOf(got, got.length - 1), d.docId());
    }
    assertEquals(docs.valid.size(), rows.size());
  }
}
