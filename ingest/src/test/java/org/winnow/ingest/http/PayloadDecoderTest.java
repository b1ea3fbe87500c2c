package org.winnow.ingest.http;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.winnow.ingest.warc.IngestReason;
import org.winnow.ingest.warc.RecordDropException;

class PayloadDecoderTest {
  private static final byte[] TEXT =
      "<p>hello, compressed world</p>".repeat(50).getBytes(StandardCharsets.UTF_8);

  private static byte[] gzip(byte[] data) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
      gz.write(data);
    }
    return out.toByteArray();
  }

  @Test
  void identityPassesThrough() throws Exception {
    assertArrayEquals(TEXT, PayloadDecoder.decode(TEXT, List.of(), 1 << 20).bytes());
  }

  @Test
  void stackedCodingsAreUndoneInReverse() throws Exception {
    byte[] twice = gzip(gzip(TEXT));
    BoundedRead r = PayloadDecoder.decode(twice, ContentEncodings.codings(List.of("gzip, gzip")),
        1 << 20);
    assertArrayEquals(TEXT, r.bytes());
  }

  @Test
  void multiMemberGzipIsReadToTheEnd() throws Exception {
    byte[] two = concat(gzip(TEXT), gzip(TEXT));
    assertEquals(2 * TEXT.length, PayloadDecoder.decode(two, List.of("gzip"), 1 << 20)
        .bytes().length);
  }

  @Test
  void decodedSizeIsBounded() throws Exception {
    byte[] zeros = gzip(new byte[1 << 20]);
    RecordDropException e = assertThrows(RecordDropException.class,
        () -> PayloadDecoder.decode(zeros, List.of("gzip"), 64 * 1024));
    assertEquals(IngestReason.DECOMPRESSION_LIMIT, e.reason());
    assertEquals((1 << 20) / 1, PayloadDecoder.decode(zeros, List.of("gzip"), 1 << 20)
        .bytes().length, "exactly at the limit is fine");
  }

  @Test
  void cutGzipKeepsWhatDecodedAndSaysSo() throws Exception {
    byte[] gz = gzip(TEXT);
    BoundedRead r = PayloadDecoder.decode(Arrays.copyOf(gz, gz.length - 12), List.of("gzip"),
        1 << 20);
    assertTrue(r.endedEarly());
    assertTrue(r.bytes().length > 0);
    RecordDropException e = assertThrows(RecordDropException.class,
        () -> PayloadDecoder.decode(Arrays.copyOf(gz, 10), List.of("gzip"), 1 << 20),
        "a gzip header and nothing after it");
    assertEquals(IngestReason.BAD_CONTENT_ENCODING, e.reason());
  }

  @Test
  void unknownCodingIsUnsupported() {
    RecordDropException e = assertThrows(RecordDropException.class,
        () -> PayloadDecoder.decode(TEXT, List.of("zstd"), 1 << 20));
    assertEquals(IngestReason.UNSUPPORTED_CONTENT_ENCODING, e.reason());
    assertEquals(List.of("gzip", "br"), ContentEncodings.codings(List.of("x-gzip, identity", "BR")));
  }

  @Test
  void boundedReadStopsOneByteAfterTheLimit() throws IOException {
    byte[] data = new byte[100_000];
    BoundedRead exact = BoundedRead.of(new OneByteAtATime(data), data.length);
    assertFalse(exact.overLimit());
    assertEquals(data.length, exact.bytes().length);
    BoundedRead over = BoundedRead.of(new OneByteAtATime(data), data.length - 1);
    assertTrue(over.overLimit());
    assertEquals(data.length, over.bytes().length);
    BoundedRead cut = BoundedRead.of(new InputStream() {
      int left = 10;

      @Override
      public int read(byte[] b, int off, int len) throws IOException {
        if (left == 0) {
          throw new EOFException("cut");
        }
        int n = Math.min(len, left);
        left -= n;
        return n;
      }

      @Override
      public int read() throws IOException {
        throw new UnsupportedOperationException();
      }
    }, 100);
    assertTrue(cut.endedEarly());
    assertEquals(10, cut.bytes().length);
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] c = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, c, a.length, b.length);
    return c;
  }

  /** Fragments reads to single bytes, as slow network streams do. */
  private static final class OneByteAtATime extends InputStream {
    private final ByteArrayInputStream in;

    OneByteAtATime(byte[] data) {
      in = new ByteArrayInputStream(data);
    }

    @Override
    public int read() {
      return in.read();
    }

    @Override
    public int read(byte[] b, int off, int len) {
      return in.read(b, off, Math.min(len, 1));
    }
  }
}
