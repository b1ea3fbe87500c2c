package org.winnow.ingest.http;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Tells binary payloads from text ones, whatever their Content-Type claims: a known file
 * signature, or more than one percent of control bytes that never occur in text (the WHATWG
 * MIME Sniffing "binary data bytes") in the first {@value #SAMPLE_BYTES} bytes.
 */
public final class BinarySniffer {
  static final int SAMPLE_BYTES = 4096;

  private static final byte[][] SIGNATURES = {
    ascii("%PDF-"), {(byte) 0x89, 'P', 'N', 'G'}, ascii("GIF87a"), ascii("GIF89a"),
    {(byte) 0xff, (byte) 0xd8, (byte) 0xff}, {'P', 'K', 3, 4}, {0x1f, (byte) 0x8b},
    ascii("RIFF"), ascii("OggS"), ascii("ID3"), ascii("wOFF"), ascii("wOF2"),
    {0x7f, 'E', 'L', 'F'}, {0, 0, 1, 0}, {(byte) 0xd0, (byte) 0xcf, 0x11, (byte) 0xe0}
  };

  private BinarySniffer() {}

  /** Why the bytes look binary, or empty when they look like text. */
  public static Optional<String> check(byte[] b) {
    if (startsWith(b, new byte[] {(byte) 0xfe, (byte) 0xff})
        || startsWith(b, new byte[] {(byte) 0xff, (byte) 0xfe})) {
      return Optional.empty(); // UTF-16 text is full of NUL bytes
    }
    for (byte[] sig : SIGNATURES) {
      if (startsWith(b, sig)) {
        return Optional.of("starts with the file signature " + hex(sig));
      }
    }
    int n = Math.min(b.length, SAMPLE_BYTES);
    int control = 0;
    for (int i = 0; i < n; i++) {
      if (binaryDataByte(b[i] & 0xff)) {
        control++;
      }
    }
    if (control * 100L > n) {
      return Optional.of(control + " control bytes in the first " + n + " bytes");
    }
    return Optional.empty();
  }

  private static boolean binaryDataByte(int c) {
    return c <= 0x08 || c == 0x0b || (c >= 0x0e && c <= 0x1a) || (c >= 0x1c && c <= 0x1f);
  }

  private static boolean startsWith(byte[] b, byte[] prefix) {
    if (b.length < prefix.length) {
      return false;
    }
    for (int i = 0; i < prefix.length; i++) {
      if (b[i] != prefix[i]) {
        return false;
      }
    }
    return true;
  }

  private static byte[] ascii(String s) {
    return s.getBytes(StandardCharsets.US_ASCII);
  }

  private static String hex(byte[] sig) {
    StringBuilder sb = new StringBuilder();
    for (byte x : sig) {
      sb.append(String.format("%02x", x & 0xff));
    }
    return sb.toString();
  }
}
