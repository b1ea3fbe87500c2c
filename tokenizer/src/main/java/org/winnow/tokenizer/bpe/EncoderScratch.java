package org.winnow.tokenizer.bpe;

/**
 * The mutable state one thread needs to encode with a {@link BpeModel}: the piece buffer, the
 * merger's arrays and the piece cache. About 8 MB, allocated once per thread; not thread-safe.
 */
public final class EncoderScratch {

  private static final int KEEP_BUFFER = 1 << 20;

  final PieceMerger merger;
  final PieceCache cache = new PieceCache();
  private byte[] buffer = new byte[256 + ByteHash.PADDING];

  EncoderScratch(PieceMerger merger) {
    this.merger = merger;
  }

  /** A buffer of at least {@code bytes} plus the hash padding; its contents are not kept. */
  public byte[] buffer(int bytes) {
    if (buffer.length < bytes + ByteHash.PADDING) {
      buffer = new byte[Math.max(bytes, buffer.length * 2) + ByteHash.PADDING];
    }
    return buffer;
  }

  /** Drops a buffer grown for an outsized piece, so a thread does not keep it. */
  public void release() {
    if (buffer.length > KEEP_BUFFER) {
      buffer = new byte[256 + ByteHash.PADDING];
    }
  }
}
