package org.winnow.loader.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.winnow.loader.DatasetSpec;
import org.winnow.loader.TokenLoader;
import org.winnow.loader.shard.ShardWriterOptions;
import org.winnow.loader.testing.Batches;
import org.winnow.loader.testing.ShardFixture;

/** The Hadoop FileSystem adapter, exercised on a file:// URI: same batches as the local store. */
class HadoopShardStoreTest {
  @TempDir Path tmp;

  @Test
  void hadoopStoreDeliversWhatTheLocalStoreDelivers() throws Exception {
    ShardFixture.Written w = ShardFixture.write(tmp.resolve("set"), 5,
        ShardFixture.randomLayout(5, 4, 2, 30, 1), 1, 80, List.of("a"), 0, false,
        ShardWriterOptions.DEFAULTS);
    String uri = w.root().toUri().toString();
    TokenLoader.Builder local = TokenLoader.builder()
        .dataset(DatasetSpec.of("set", w.root().toString()))
        .tokenizerSha256(ShardFixture.SHA).batchSize(2).seqLen(32).seed(1);
    TokenLoader.Builder hadoop = TokenLoader.builder()
        .dataset(DatasetSpec.of("set", uri).withStore(HadoopShardStore.withDefaults()))
        .tokenizerSha256(ShardFixture.SHA).batchSize(2).seqLen(32).seed(1);
    try (TokenLoader a = local.build(); TokenLoader b = hadoop.build()) {
      List<int[][]> x = Batches.take(a, 50);
      List<int[][]> y = Batches.take(b, 50);
      assertEquals(x.size(), y.size());
      for (int i = 0; i < x.size(); i++) {
        for (int r = 0; r < 2; r++) {
          assertArrayEquals(x.get(i)[r], y.get(i)[r]);
        }
      }
    }
  }

  @Test
  void storesAreChosenByScheme() {
    assertSame(LocalShardStore.INSTANCE, ShardStores.forRoot("/data/shards"));
    assertSame(LocalShardStore.INSTANCE, ShardStores.forRoot("file:///data/shards"));
    assertInstanceOf(HadoopShardStore.class, ShardStores.forRoot("hdfs://nn:8020/shards"));
    assertInstanceOf(HadoopShardStore.class, ShardStores.forRoot("s3a://bucket/shards"));
  }
}
