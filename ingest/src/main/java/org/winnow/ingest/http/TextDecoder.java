package org.winnow.ingest.http;

import com.ibm.icu.text.CharsetDetector;
import com.ibm.icu.text.CharsetMatch;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Decodes a page's bytes to text, choosing the charset as a careful browser would: a byte order
 * mark; else the declared charset (HTTP header, then {@code <meta>} for HTML) if it fits the
 * bytes; else detection (valid UTF-8 first, then ICU's {@link CharsetDetector}).
 *
 * <p>A declaration "fits" when the bytes decode in it without error and are not valid multi-byte
 * UTF-8 (UTF-8 bytes labelled ISO-8859-1 decode without error into mojibake, so the error check
 * alone cannot catch the commonest mislabel). Bytes labelled UTF-8 that are mostly valid UTF-8
 * (more valid multi-byte sequences than bad bytes) are damaged UTF-8: they decode with U+FFFD
 * and the damage is counted.
 */
public final class TextDecoder {
  /** ICU reads a prefix; more bytes than this do not change its answer, only its cost. */
  private static final int DETECT_SAMPLE_BYTES = 64 * 1024;

  private static final Charset FALLBACK = Charset.forName("windows-1252");
  private static final Charset UTF_32BE = Charset.forName("UTF-32BE");
  private static final Charset UTF_32LE = Charset.forName("UTF-32LE");

  private TextDecoder() {}

  /**
   * @param bytes         the payload, decoded from any content coding
   * @param headerCharset the charset parameter of the HTTP (or record) Content-Type
   * @param kind          HTML pages are also searched for a {@code <meta>} declaration
   */
  public static DecodedText decode(byte[] bytes, Optional<String> headerCharset, PageKind kind) {
    Optional<DecodedText> bom = byBom(bytes);
    if (bom.isPresent()) {
      return bom.get();
    }
    List<String> declared = new ArrayList<>(2);
    headerCharset.ifPresent(declared::add);
    if (kind == PageKind.HTML) {
      MetaCharset.sniff(bytes, 0).ifPresent(declared::add);
    }
    for (String label : declared) {
      Optional<Charset> cs = CharsetLabels.resolve(label);
      if (cs.isPresent()) {
        Optional<DecodedText> fit = ifFits(bytes, cs.get());
        if (fit.isPresent()) {
          return fit.get();
        }
      }
    }
    return detect(bytes, kind, !declared.isEmpty());
  }

  private static Optional<DecodedText> byBom(byte[] b) {
    if (b.length >= 4 && b[0] == 0 && b[1] == 0 && (b[2] & 0xff) == 0xfe && (b[3] & 0xff) == 0xff) {
      return Optional.of(decodeFrom(b, 4, UTF_32BE, false));
    }
    if (b.length >= 4 && (b[0] & 0xff) == 0xff && (b[1] & 0xff) == 0xfe && b[2] == 0 && b[3] == 0) {
      return Optional.of(decodeFrom(b, 4, UTF_32LE, false));
    }
    if (b.length >= 3 && (b[0] & 0xff) == 0xef && (b[1] & 0xff) == 0xbb && (b[2] & 0xff) == 0xbf) {
      return Optional.of(decodeFrom(b, 3, StandardCharsets.UTF_8, false));
    }
    if (b.length >= 2 && (b[0] & 0xff) == 0xfe && (b[1] & 0xff) == 0xff) {
      return Optional.of(decodeFrom(b, 2, StandardCharsets.UTF_16BE, false));
    }
    if (b.length >= 2 && (b[0] & 0xff) == 0xff && (b[1] & 0xff) == 0xfe) {
      return Optional.of(decodeFrom(b, 2, StandardCharsets.UTF_16LE, false));
    }
    return Optional.empty();
  }

  private static Optional<DecodedText> ifFits(byte[] bytes, Charset cs) {
    Utf8Scan utf8 = Utf8Scan.of(bytes, 0, bytes.length);
    if (cs.equals(StandardCharsets.UTF_8)) {
      if (utf8.valid() || utf8.validMultibyte() > utf8.invalid()) {
        return Optional.of(decodeFrom(bytes, 0, cs, false));
      }
      return Optional.empty();
    }
    if (utf8.valid() && utf8.validMultibyte() > 0) {
      return Optional.empty();
    }
    CountingDecoder.Result r = CountingDecoder.decode(bytes, 0, bytes.length, cs);
    return r.replaced() == 0
        ? Optional.of(new DecodedText(r.text(), cs, 0, false))
        : Optional.empty();
  }

  private static DecodedText detect(byte[] bytes, PageKind kind, boolean declared) {
    Utf8Scan utf8 = Utf8Scan.of(bytes, 0, bytes.length);
    if (utf8.valid() || utf8.validMultibyte() > utf8.invalid()) {
      return decodeFrom(bytes, 0, StandardCharsets.UTF_8, declared);
    }
    CharsetDetector detector = new CharsetDetector();
    detector.setText(
        bytes.length > DETECT_SAMPLE_BYTES ? Arrays.copyOf(bytes, DETECT_SAMPLE_BYTES) : bytes);
    detector.enableInputFilter(kind == PageKind.HTML);
    CharsetMatch[] matches = detector.detectAll();
    for (CharsetMatch m : matches) {
      Optional<Charset> cs = CharsetLabels.resolve(m.getName());
      if (cs.isPresent()) {
        return decodeFrom(bytes, 0, cs.get(), declared);
      }
    }
    return decodeFrom(bytes, 0, FALLBACK, declared);
  }

  private static DecodedText decodeFrom(byte[] b, int from, Charset cs, boolean mismatch) {
    CountingDecoder.Result r = CountingDecoder.decode(b, from, b.length, cs);
    return new DecodedText(r.text(), cs, r.replaced(), mismatch);
  }
}
