package org.winnow.filter.classify;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.CRC32;
import java.util.zip.CheckedInputStream;
import java.util.zip.CheckedOutputStream;

/**
 * A fastText-style linear classifier over hashed word unigrams and bigrams. For two classes
 * fastText's hidden layer collapses to one weight per bucket, so the score of a document with
 * features f_1..f_F is {@code sigmoid(bias + (w[f_1] + ... + w[f_F]) / F)}: the probability of
 * the "high quality" class. DCLM's filter is this model trained on reference text against
 * random web text. Immutable and thread-safe; scoring text needs a per-thread
 * {@link WordHasher}.
 *
 * <h2>Model file format</h2>
 * Big-endian, as {@link DataOutputStream} writes; no Java serialization:
 * <pre>
 * offset   size      field
 * 0        4         magic "WNQC" (57 4E 51 43)
 * 4        4         int32  format version, 1
 * 8        4         int32  bits B, 1..28: there are 2^B buckets
 * 12       8         float64 bias
 * 20       4         int32  L, length of the metadata, 0..65536
 * 24       L         UTF-8 JSON object describing the training run (informational)
 * 24+L     4 * 2^B   float32 weight of each bucket, bucket 0 first
 * end-8    8         int64  CRC-32 of every preceding byte, in the low 32 bits
 * </pre>
 * Features are defined by {@link HashedNgramFeatures} and {@link WordHasher}; a reader in any
 * language can score with the file and those two definitions.
 */
public final class QualityClassifier {
  /** The largest bucket exponent a model may have (2^28 floats is 1 GiB). */
  public static final int MAX_BITS = 28;

  static final int MAGIC = 0x574E5143; // "WNQC"
  static final int VERSION = 1;
  private static final int MAX_METADATA = 65536;

  private final int bits;
  private final double bias;
  private final float[] weights;
  private final String metadata;

  QualityClassifier(int bits, double bias, float[] weights, String metadata) {
    if (bits < 1 || bits > MAX_BITS) {
      throw new IllegalArgumentException("bits must be in [1, " + MAX_BITS + "], got " + bits);
    }
    if (weights.length != 1 << bits) {
      throw new IllegalArgumentException(
          "expected " + (1 << bits) + " weights for " + bits + " bits, got " + weights.length);
    }
    this.bits = bits;
    this.bias = bias;
    this.weights = weights;
    this.metadata = metadata;
  }

  public int bits() {
    return bits;
  }

  /** The training run's description, a JSON object. */
  public String metadata() {
    return metadata;
  }

  /** The score of a text: the probability, in [0, 1], of the high-quality class. */
  public double score(String text, WordHasher hasher) {
    hasher.hash(text);
    return score(hasher.hashes(), hasher.count());
  }

  /** The score of a document given its words' fold hashes (see {@link WordHasher}). */
  public double score(long[] wordHashes, int words) {
    return sigmoid(logit(wordHashes, words));
  }

  /** The score before the sigmoid; useful for ranking without saturation. */
  public double logit(long[] wordHashes, int words) {
    int features = HashedNgramFeatures.count(words);
    if (features == 0) {
      return bias;
    }
    int shift = 64 - bits;
    double sum = 0;
    for (int i = 0; i < words; i++) {
      sum += weights[(int) (wordHashes[i] >>> shift)];
    }
    for (int i = 0; i + 1 < words; i++) {
      sum += weights[(int) (HashedNgramFeatures.bigram(wordHashes[i], wordHashes[i + 1]) >>> shift)];
    }
    return bias + sum / features;
  }

  static double sigmoid(double z) {
    return 1 / (1 + Math.exp(-z));
  }

  /** Writes the model in the format above. */
  public void write(OutputStream out) throws IOException {
    CRC32 crc = new CRC32();
    DataOutputStream data = new DataOutputStream(
        new CheckedOutputStream(new BufferedOutputStream(out, 1 << 16), crc));
    byte[] meta = metadata.getBytes(StandardCharsets.UTF_8);
    data.writeInt(MAGIC);
    data.writeInt(VERSION);
    data.writeInt(bits);
    data.writeDouble(bias);
    data.writeInt(meta.length);
    data.write(meta);
    for (float w : weights) {
      data.writeFloat(w);
    }
    data.flush();
    new DataOutputStream(out).writeLong(crc.getValue());
    out.flush();
  }

  /**
   * Reads a model written by {@link #write}.
   *
   * @param source the file name, for error messages
   * @throws ModelFormatException naming the source and byte offset of what is wrong
   */
  public static QualityClassifier read(InputStream in, String source) throws IOException {
    CRC32 crc = new CRC32();
    CountingStream counting = new CountingStream(new BufferedInputStream(in, 1 << 16));
    DataInputStream data = new DataInputStream(new CheckedInputStream(counting, crc));
    try {
      int magic = data.readInt();
      if (magic != MAGIC) {
        throw new ModelFormatException(source + ": byte 0: not a quality model (magic "
            + String.format("%08x", magic) + ", expected " + String.format("%08x", MAGIC) + ")");
      }
      int version = data.readInt();
      if (version != VERSION) {
        throw new ModelFormatException(
            source + ": byte 4: unsupported format version " + version + " (this reader: 1)");
      }
      int bits = data.readInt();
      if (bits < 1 || bits > MAX_BITS) {
        throw new ModelFormatException(
            source + ": byte 8: bits must be in [1, " + MAX_BITS + "], got " + bits);
      }
      double bias = data.readDouble();
      int metaLength = data.readInt();
      if (metaLength < 0 || metaLength > MAX_METADATA) {
        throw new ModelFormatException(source + ": byte 20: metadata length " + metaLength
            + " outside [0, " + MAX_METADATA + "]");
      }
      byte[] meta = new byte[metaLength];
      data.readFully(meta);
      float[] weights = new float[1 << bits];
      for (int i = 0; i < weights.length; i++) {
        weights[i] = data.readFloat();
      }
      long expected = crc.getValue();
      long stored = new DataInputStream(counting).readLong();
      if (stored != expected) {
        throw new ModelFormatException(source + ": byte " + (counting.count - 8)
            + ": checksum mismatch (stored " + Long.toHexString(stored) + ", computed "
            + Long.toHexString(expected) + "): the file is damaged");
      }
      if (counting.read() != -1) {
        throw new ModelFormatException(
            source + ": byte " + (counting.count - 1) + ": unexpected data after the checksum");
      }
      return new QualityClassifier(bits, bias, weights,
          new String(meta, StandardCharsets.UTF_8));
    } catch (EOFException e) {
      throw new ModelFormatException(
          source + ": truncated at byte " + counting.count + ": the file is incomplete");
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof QualityClassifier c && c.bits == bits
        && Double.compare(c.bias, bias) == 0 && Arrays.equals(c.weights, weights)
        && c.metadata.equals(metadata);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(weights) * 31 + Double.hashCode(bias);
  }

  /** Counts bytes read, for error offsets. */
  private static final class CountingStream extends InputStream {
    private final InputStream in;
    long count;

    CountingStream(InputStream in) {
      this.in = in;
    }

    @Override
    public int read() throws IOException {
      int b = in.read();
      if (b >= 0) {
        count++;
      }
      return b;
    }

    @Override
    public int read(byte[] buf, int off, int len) throws IOException {
      int n = in.read(buf, off, len);
      if (n > 0) {
        count += n;
      }
      return n;
    }
  }
}
