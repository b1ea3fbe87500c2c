package org.winnow.loader.shard;

import java.io.IOException;
import java.nio.ByteBuffer;
import org.apache.parquet.bytes.ByteBufferReleaser;
import org.apache.parquet.bytes.BytesInput;
import org.apache.parquet.bytes.HeapByteBufferAllocator;

/** Page contents as one byte array, without a copy when they already are one. */
final class PageBytes {
  private PageBytes() {}

  static byte[] of(BytesInput in) throws IOException {
    try (ByteBufferReleaser releaser = new ByteBufferReleaser(HeapByteBufferAllocator.getInstance())) {
      ByteBuffer b = in.toByteBuffer(releaser);
      if (b.hasArray() && b.arrayOffset() + b.position() == 0
          && b.remaining() == b.array().length) {
        return b.array();
      }
      byte[] copy = new byte[b.remaining()];
      b.duplicate().get(copy);
      return copy;
    }
  }
}
