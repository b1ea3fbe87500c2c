package org.winnow.trainer.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.winnow.trainer.model.GptConfig;
import org.winnow.trainer.model.Initializer;

class CheckpointTest {
  @TempDir Path dir;

  private Checkpoint sample() {
    GptConfig c = new GptConfig(1, 2, 8, 4, 10);
    float[] p = Initializer.initialise(c, 1);
    float[] m = p.clone();
    float[] v = p.clone();
    Arrays.fill(m, 0.5f);
    Arrays.fill(v, 0.25f);
    return new Checkpoint(c, 17, 4096, 1337, "{\"version\":1}", "ab".repeat(32), p, m, v);
  }

  @Test
  void roundTripsEveryField() throws IOException {
    Checkpoint c = sample();
    Path f = dir.resolve("c.bin");
    c.write(f);
    Checkpoint r = Checkpoint.read(f);
    assertEquals(c.config(), r.config());
    assertEquals(17, r.step());
    assertEquals(4096, r.tokensSeen());
    assertEquals(1337, r.seed());
    assertEquals(c.loaderState(), r.loaderState());
    assertEquals(c.tokenizerSha256(), r.tokenizerSha256());
    assertArrayEquals(c.params(), r.params());
    assertArrayEquals(c.m(), r.m());
    assertArrayEquals(c.v(), r.v());
    // The documented layout: magic, then little-endian version 1.
    byte[] b = Files.readAllBytes(f);
    assertEquals("WNWCKPT1", new String(b, 0, 8, java.nio.charset.StandardCharsets.US_ASCII));
    assertEquals(1, b[8]);
    assertEquals(0, b[9]);
  }

  @Test
  void everyTruncationAndEveryFlippedByteIsAClearError() throws IOException {
    Path f = dir.resolve("c.bin");
    sample().write(f);
    byte[] good = Files.readAllBytes(f);
    Path bad = dir.resolve("bad.bin");
    for (int cut = 0; cut < good.length; cut += 97) {
      Files.write(bad, Arrays.copyOf(good, cut));
      IOException e = assertThrows(IOException.class, () -> Checkpoint.read(bad), "cut " + cut);
      assertTrue(e.getMessage().contains(bad.toString()), e.getMessage());
    }
    for (int i = 0; i < good.length; i += 89) {
      byte[] flipped = good.clone();
      flipped[i] ^= 0x10;
      Files.write(bad, flipped);
      assertThrows(IOException.class, () -> Checkpoint.read(bad), "byte " + i);
    }
  }
}
