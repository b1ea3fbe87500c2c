package org.winnow.loader.shard;

import com.github.luben.zstd.Zstd;
import java.io.IOException;
import java.nio.ByteBuffer;
import org.apache.parquet.bytes.ByteBufferReleaser;
import org.apache.parquet.bytes.BytesInput;
import org.apache.parquet.bytes.HeapByteBufferAllocator;
import org.apache.parquet.compression.CompressionCodecFactory;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.hadoop.CodecFactory;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.xerial.snappy.Snappy;

/**
 * Page decompression straight from array to array for Snappy and Zstandard, the codecs Spark
 * writes; Parquet's own factory goes through Hadoop's stream codecs and costs more than the
 * decoding itself. Other codecs, and all compression, are delegated to Parquet's factory.
 */
final class ArrayCodecFactory implements CompressionCodecFactory {
  private final CodecFactory fallback = new CodecFactory(new PlainParquetConfiguration(), 0);

  @Override
  public BytesInputCompressor getCompressor(CompressionCodecName codec) {
    return fallback.getCompressor(codec);
  }

  @Override
  public BytesInputDecompressor getDecompressor(CompressionCodecName codec) {
    switch (codec) {
      case SNAPPY:
        return SNAPPY;
      case ZSTD:
        return ZSTD;
      default:
        return fallback.getDecompressor(codec);
    }
  }

  @Override
  public void release() {
    fallback.release();
  }

  /** Decompresses {@code in[off, off + len)} of a page compressed with {@code codec}. */
  BytesInput decompress(CompressionCodecName codec, byte[] in, int off, int len,
      int uncompressedSize) throws IOException {
    switch (codec) {
      case UNCOMPRESSED:
        if (len != uncompressedSize) {
          throw new IOException("uncompressed page of " + len + " bytes, its header says "
              + uncompressedSize);
        }
        return BytesInput.from(ByteBuffer.wrap(in, off, len).slice());
      case SNAPPY:
        return BytesInput.from(ByteBuffer.wrap(SNAPPY.decompress(in, off, len, uncompressedSize)));
      case ZSTD:
        return BytesInput.from(ByteBuffer.wrap(ZSTD.decompress(in, off, len, uncompressedSize)));
      default:
        return fallback.getDecompressor(codec).decompress(
            BytesInput.from(ByteBuffer.wrap(in, off, len).slice()), uncompressedSize);
    }
  }

  private abstract static class ArrayDecompressor implements BytesInputDecompressor {
    @Override
    public BytesInput decompress(BytesInput bytes, int uncompressedSize) throws IOException {
      if (uncompressedSize < 0) {
        throw new IOException("negative uncompressed page size " + uncompressedSize);
      }
      try (ByteBufferReleaser releaser =
          new ByteBufferReleaser(HeapByteBufferAllocator.getInstance())) {
        ByteBuffer in = bytes.toByteBuffer(releaser);
        byte[] out;
        if (in.hasArray()) {
          out = decompress(in.array(), in.arrayOffset() + in.position(), in.remaining(),
              uncompressedSize);
        } else {
          byte[] copy = new byte[in.remaining()];
          in.duplicate().get(copy);
          out = decompress(copy, 0, copy.length, uncompressedSize);
        }
        // Wrapped as a buffer so that readers get this array back without another copy.
        return BytesInput.from(ByteBuffer.wrap(out));
      }
    }

    @Override
    public void decompress(ByteBuffer input, int compressedSize, ByteBuffer output,
        int uncompressedSize) throws IOException {
      byte[] in = new byte[compressedSize];
      input.get(in);
      output.put(decompress(in, 0, compressedSize, uncompressedSize));
    }

    abstract byte[] decompress(byte[] in, int off, int len, int uncompressedSize)
        throws IOException;

    @Override
    public void release() {}
  }

  private static final ArrayDecompressor SNAPPY = new ArrayDecompressor() {
    @Override
    byte[] decompress(byte[] in, int off, int len, int uncompressedSize) throws IOException {
      int declared = Snappy.uncompressedLength(in, off, len);
      if (declared != uncompressedSize) {
        throw new IOException("snappy page decompresses to " + declared
            + " bytes, its header says " + uncompressedSize);
      }
      byte[] out = new byte[uncompressedSize];
      Snappy.uncompress(in, off, len, out, 0);
      return out;
    }
  };

  private static final ArrayDecompressor ZSTD = new ArrayDecompressor() {
    @Override
    byte[] decompress(byte[] in, int off, int len, int uncompressedSize) throws IOException {
      byte[] out = new byte[uncompressedSize];
      long n = Zstd.decompressByteArray(out, 0, out.length, in, off, len);
      if (Zstd.isError(n)) {
        throw new IOException("zstd page does not decompress: " + Zstd.getErrorName(n));
      }
      if (n != uncompressedSize) {
        throw new IOException("zstd page decompresses to " + n + " bytes, its header says "
            + uncompressedSize);
      }
      return out;
    }
  };
}
