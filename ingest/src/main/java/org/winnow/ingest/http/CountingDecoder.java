package org.winnow.ingest.http;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;

/**
 * Decodes bytes in a charset, replacing each malformed or unmappable sequence with U+FFFD and
 * counting the replacements, so that a page with a few bad bytes is kept and the damage is known.
 */
public final class CountingDecoder {
  private static final char REPLACEMENT = '\uFFFD';

  private CountingDecoder() {}

  /** @param text the decoded text; @param replaced how many sequences became U+FFFD */
  public record Result(String text, int replaced) {}

  public static Result decode(byte[] bytes, int from, int to, Charset charset) {
    CharsetDecoder decoder =
        charset.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes, from, to - from);
    CharBuffer out =
        CharBuffer.allocate((int) Math.min(Integer.MAX_VALUE - 16,
            (long) ((to - from) * (double) decoder.maxCharsPerByte()) + 16));
    int replaced = 0;
    while (true) {
      CoderResult r = decoder.decode(in, out, true);
      if (r.isUnderflow()) {
        break;
      }
      if (r.isOverflow()) {
        out = grow(out);
      } else {
        if (!out.hasRemaining()) {
          out = grow(out);
        }
        out.put(REPLACEMENT);
        replaced++;
        in.position(in.position() + r.length());
      }
    }
    while (decoder.flush(out).isOverflow()) {
      out = grow(out);
    }
    out.flip();
    return new Result(out.toString(), replaced);
  }

  /** Decodes strictly: the text, or null when any sequence is malformed or unmappable. */
  public static String decodeStrict(byte[] bytes, int from, int to, Charset charset) {
    Result r = decode(bytes, from, to, charset);
    return r.replaced() == 0 ? r.text() : null;
  }

  private static CharBuffer grow(CharBuffer out) {
    CharBuffer bigger = CharBuffer.allocate(out.capacity() * 2 + 16);
    out.flip();
    bigger.put(out);
    return bigger;
  }
}
