package org.winnow.jobs.tokenize;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** Packing for the shuffle loses nothing, at every varint length. */
class PackedDocumentTest {
  @Test
  void roundTripsRandomDocuments() {
    Random random = new Random(8);
    for (int trial = 0; trial < 2_000; trial++) {
      int[] tokens = new int[random.nextInt(300)];
      for (int i = 0; i < tokens.length; i++) {
        int bits = 1 + random.nextInt(31);
        tokens[i] = random.nextInt() >>> (32 - bits);
      }
      String id = TestDocuments.text(random, random.nextInt(4));
      String source = trial % 7 == 0 ? "" : TestDocuments.text(random, 1);
      long nBytes = random.nextLong() >>> random.nextInt(64);
      EncodedDocument d = EncodedDocument.kept(id, source, false, 0, 0, tokens, nBytes);
      PackedDocument.Unpacked u = PackedDocument.unpack(PackedDocument.pack(d));
      assertEquals(id, u.docId());
      assertEquals(source, u.source());
      assertEquals(nBytes, u.nBytes());
      assertArrayEquals(tokens, u.tokens());
    }
  }
}
