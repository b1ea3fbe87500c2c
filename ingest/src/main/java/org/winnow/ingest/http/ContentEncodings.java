package org.winnow.ingest.http;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;
import org.brotli.dec.BrotliInputStream;

/**
 * HTTP {@code Content-Encoding} codings: which ones a header lists, and a decoding stream for
 * each supported one (gzip, deflate, br). Compression formats the JDK and the brotli decoder do
 * not read (compress, zstd) are unsupported.
 */
public final class ContentEncodings {
  private static final List<String> SUPPORTED = List.of("gzip", "deflate", "br");

  private ContentEncodings() {}

  /**
   * The codings of the header values in the order they were applied, lower case, with
   * {@code identity}/{@code none} left out and {@code x-gzip} read as {@code gzip}.
   */
  public static List<String> codings(List<String> headerValues) {
    List<String> codings = new ArrayList<>();
    for (String value : headerValues) {
      for (String token : value.split(",")) {
        String coding = token.trim().toLowerCase(Locale.ROOT);
        switch (coding) {
          case "", "identity", "none" -> {}
          case "x-gzip" -> codings.add("gzip");
          default -> codings.add(coding);
        }
      }
    }
    return codings;
  }

  public static boolean supported(String coding) {
    return SUPPORTED.contains(coding);
  }

  /** A stream that decodes {@code in} from {@code coding}, one of the supported ones. */
  static InputStream decoding(InputStream in, String coding) throws IOException {
    switch (coding) {
      case "gzip" -> {
        return new GZIPInputStream(in, 8192);
      }
      case "deflate" -> {
        return inflating(in);
      }
      case "br" -> {
        return new BrotliInputStream(in);
      }
      default -> throw new IllegalArgumentException("unsupported content coding '" + coding + "'");
    }
  }

  /**
   * HTTP's deflate is zlib-wrapped by the standard, but many servers send a raw deflate stream;
   * the zlib header (CMF byte with method 8 and a check sum divisible by 31) tells them apart.
   */
  private static InputStream inflating(InputStream in) throws IOException {
    BufferedInputStream b = new BufferedInputStream(in, 8192);
    b.mark(2);
    int cmf = b.read();
    int flg = b.read();
    b.reset();
    boolean zlib = cmf >= 0 && flg >= 0 && (cmf & 0x0f) == 8 && ((cmf << 8) | flg) % 31 == 0;
    Inflater inflater = new Inflater(!zlib);
    return new InflaterInputStream(b, inflater, 8192) {
      @Override
      public void close() throws IOException {
        try {
          super.close();
        } finally {
          inflater.end(); // a caller-supplied Inflater is not ended by close()
        }
      }
    };
  }
}
