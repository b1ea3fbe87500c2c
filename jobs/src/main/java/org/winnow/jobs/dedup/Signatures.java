package org.winnow.jobs.dedup;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.winnow.dedup.lsh.BandHashes;
import org.winnow.dedup.minhash.MinHashParams;
import org.winnow.dedup.minhash.MinHasher;

/**
 * The Spark function from a text to its MinHash signature and LSH band keys. Each executor thread
 * keeps its own {@link MinHasher} (it holds a word segmenter and buffers).
 */
final class Signatures implements UDF1<String, Row> {
  private static final long serialVersionUID = 1L;
  static final String SIGNATURE = "signature";
  static final String BANDS = "bands";
  static final StructType TYPE = DataTypes.createStructType(new org.apache.spark.sql.types.StructField[] {
    DataTypes.createStructField(SIGNATURE, DataTypes.createArrayType(DataTypes.LongType, false), false),
    DataTypes.createStructField(BANDS, DataTypes.createArrayType(DataTypes.LongType, false), false)
  });

  private final MinHashParams params;
  private transient ThreadLocal<MinHasher> hasher;

  Signatures(MinHashParams params) {
    this.params = params;
  }

  @Override
  public Row call(String text) {
    if (hasher == null) {
      hasher = ThreadLocal.withInitial(() -> new MinHasher(params));
    }
    long[] sig = hasher.get().signature(text);
    long[] bands = sig.length == 0 ? new long[0] : BandHashes.of(sig, params);
    return RowFactory.create(sig, bands);
  }
}
