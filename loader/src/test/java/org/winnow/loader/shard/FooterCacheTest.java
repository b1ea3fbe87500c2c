package org.winnow.loader.shard;

import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.winnow.loader.store.LocalShardStore;

/** Footers are parsed once while cached, evicted by row groups held, and failures not kept. */
class FooterCacheTest {
  @TempDir Path tmp;

  private Path shard(String name, int rowGroups) throws Exception {
    Path p = tmp.resolve(name);
    try (ShardWriter w = ShardWriter.create(p, ShardWriterOptions.DEFAULTS.withRowGroupTokens(2))) {
      for (int i = 0; i < rowGroups; i++) {
        w.write("d" + i, "s", new int[] {1, 2}, 2);
      }
    }
    return p;
  }

  @Test
  void keepsFootersUntilTheirRowGroupsExceedTheBound() throws Exception {
    FooterCache cache = new FooterCache(5);
    String a = shard("a.parquet", 2).toString();
    String b = shard("b.parquet", 3).toString();
    String c = shard("c.parquet", 1).toString();
    ShardFooter fa = cache.get(LocalShardStore.INSTANCE, a);
    assertSame(fa, cache.get(LocalShardStore.INSTANCE, a));
    ShardFooter fb = cache.get(LocalShardStore.INSTANCE, b);
    cache.get(LocalShardStore.INSTANCE, c);
    assertSame(fb, cache.get(LocalShardStore.INSTANCE, b));
    assertNotSame(fa, cache.get(LocalShardStore.INSTANCE, a), "a was evicted to fit c");
  }

  @Test
  void failuresAreNotCached() throws Exception {
    FooterCache cache = new FooterCache(10);
    Path p = tmp.resolve("late.parquet");
    assertThrows(ShardException.class, () -> cache.get(LocalShardStore.INSTANCE, p.toString()));
    Files.copy(shard("src.parquet", 1), p);
    cache.get(LocalShardStore.INSTANCE, p.toString());
  }
}
