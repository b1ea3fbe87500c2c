package org.winnow.jobs.export;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * llm.c's token files (nanoGPT's flat {@code uint16} tokens with a header), as
 * {@code dev/data/data_common.py}'s {@code write_datafile} writes them: 256 int32 (magic 20240520,
 * version 1, token count, zeros), then the tokens as uint16, little-endian. Like llm.c's
 * preparation scripts it starts a new file after {@code fileTokens} tokens (documents are not
 * cut), named {@code <prefix>_NNNNNN.bin}.
 */
final class NanoGptWriter implements DocumentSink {
  static final int MAGIC = 20240520;
  static final int VERSION = 1;
  static final int HEADER_INTS = 256;
  /** The largest id a uint16 holds. */
  static final int MAX_ID = 65_535;

  private final String prefix;
  private final long fileTokens;
  private final List<Path> files = new ArrayList<>();
  private LittleEndianOutput current;
  private long currentTokens;

  NanoGptWriter(Path prefix, long fileTokens) {
    this.prefix = prefix.toString();
    this.fileTokens = fileTokens;
  }

  @Override
  public void document(int[] tokens, int from, int to) throws IOException {
    if (current == null) {
      open();
    }
    for (int i = from; i < to; i++) {
      int t = tokens[i];
      if (t < 0 || t > MAX_ID) {
        throw new IOException("token id " + t + " does not fit uint16 (" + files.get(
            files.size() - 1) + ")");
      }
      current.u16(t);
    }
    currentTokens += to - from;
    if (currentTokens > Integer.MAX_VALUE) {
      throw new IOException(files.get(files.size() - 1) + ": more than 2^31-1 tokens in one "
          + "file; use a smaller file size");
    }
    if (currentTokens >= fileTokens) {
      finishFile();
    }
  }

  /** The files written so far. */
  List<Path> files() {
    return List.copyOf(files);
  }

  private void open() throws IOException {
    Path file = Path.of(prefix + String.format(Locale.ROOT, "_%06d.bin", files.size()));
    current = new LittleEndianOutput(file);
    files.add(file);
    current.i32(MAGIC);
    current.i32(VERSION);
    current.i32(0);
    for (int i = 3; i < HEADER_INTS; i++) {
      current.i32(0);
    }
    currentTokens = 0;
  }

  private void finishFile() throws IOException {
    current.patchI32(8, (int) currentTokens);
    current.close();
    current = null;
  }

  @Override
  public void close() throws IOException {
    if (current != null) {
      finishFile();
    }
  }
}
