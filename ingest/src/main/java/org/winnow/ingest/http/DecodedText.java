package org.winnow.ingest.http;

import java.nio.charset.Charset;

/**
 * A payload decoded to text.
 *
 * @param text             the characters, without a byte order mark
 * @param charset          the charset used
 * @param replaced         byte sequences that were invalid in {@code charset} and became U+FFFD
 * @param declaredMismatch a charset was declared (header or meta) but did not fit the bytes, or
 *                         was unknown, so a detected one was used
 */
public record DecodedText(String text, Charset charset, int replaced, boolean declaredMismatch) {}
