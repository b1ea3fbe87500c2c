package org.winnow.loader.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.SimpleGroupFactory;
import org.apache.parquet.hadoop.ParquetReader;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.api.ReadSupport;
import org.apache.parquet.hadoop.example.ExampleParquetWriter;
import org.apache.parquet.hadoop.example.GroupReadSupport;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.LocalInputFile;
import org.apache.parquet.io.LocalOutputFile;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.MessageTypeParser;

/**
 * Parquet's own example writer and reader, record by record: the independent side of the decoder
 * duel, and a way to write shards in layouts other than the contract's (legacy lists, wrong
 * types).
 */
public final class GroupShards {
  private GroupShards() {}

  /** One row: doc id, source, tokens (null for a null list) and byte count. */
  public record Row(String docId, String source, int[] tokens, long nBytes) {}

  /**
   * Writes {@code rows} to {@code file} with {@code schema} (Parquet's schema syntax), whose
   * token list is {@code listPath} (for example {@code tokens/list/element}).
   */
  public static void write(Path file, String schema, List<Row> rows, String... listPath)
      throws IOException {
    MessageType type = MessageTypeParser.parseMessageType(schema);
    Files.deleteIfExists(file);
    SimpleGroupFactory f = new SimpleGroupFactory(type);
    boolean longs = type.getColumnDescription(listPath).getPrimitiveType().getPrimitiveTypeName()
        == org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName.INT64;
    try (ParquetWriter<Group> w = ExampleParquetWriter.builder(new LocalOutputFile(file))
        .withConf(new PlainParquetConfiguration())
        .withType(type)
        .withCompressionCodec(CompressionCodecName.SNAPPY)
        .build()) {
      for (Row r : rows) {
        Group g = f.newGroup();
        g.append("doc_id", r.docId());
        g.append("source", r.source());
        g.append("n_bytes", r.nBytes());
        if (r.tokens() != null) {
          Group list = g.addGroup(listPath[0]);
          for (int t : r.tokens()) {
            Group holder = listPath.length == 2 ? list : list.addGroup(listPath[1]);
            String leaf = listPath[listPath.length - 1];
            if (longs) {
              holder.append(leaf, (long) t);
            } else {
              holder.append(leaf, t);
            }
          }
        }
        w.write(g);
      }
    }
  }

  /** Every row's tokens as Parquet's record reader materialises them (null for a null list). */
  public static List<int[]> readTokens(Path file, String... listPath) throws IOException {
    List<int[]> out = new java.util.ArrayList<>();
    try (ParquetReader<Group> r = new ParquetReader.Builder<Group>(new LocalInputFile(file),
        new PlainParquetConfiguration()) {
      @Override
      protected ReadSupport<Group> getReadSupport() {
        return new GroupReadSupport();
      }
    }.build()) {
      for (Group g = r.read(); g != null; g = r.read()) {
        if (g.getFieldRepetitionCount(listPath[0]) == 0) {
          out.add(null);
          continue;
        }
        Group list = g.getGroup(listPath[0], 0);
        int n = list.getFieldRepetitionCount(listPath[1]);
        int[] t = new int[n];
        for (int i = 0; i < n; i++) {
          t[i] = listPath.length == 2 ? list.getInteger(listPath[1], i)
              : list.getGroup(listPath[1], i).getInteger(listPath[2], 0);
        }
        out.add(t);
      }
    }
    return out;
  }
}
