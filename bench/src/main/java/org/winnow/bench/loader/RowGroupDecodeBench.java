package org.winnow.bench.loader;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.apache.parquet.ParquetReadOptions;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.ColumnReader;
import org.apache.parquet.column.impl.ColumnReadStoreImpl;
import org.apache.parquet.column.page.PageReadStore;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.ParquetReader;
import org.apache.parquet.hadoop.api.ReadSupport;
import org.apache.parquet.hadoop.example.GroupReadSupport;
import org.apache.parquet.io.LocalInputFile;
import org.apache.parquet.io.api.Converter;
import org.apache.parquet.io.api.GroupConverter;
import org.apache.parquet.io.api.PrimitiveConverter;
import org.apache.parquet.schema.MessageType;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.winnow.loader.shard.DecodeColumns;
import org.winnow.loader.shard.ShardFile;
import org.winnow.loader.store.LocalShardStore;

/**
 * Decoding the tokens of one shard file (two row groups, about 2 M tokens) three ways: the
 * loader's column decoder, Parquet's column reader one value per call, and Parquet's record
 * reader materialising example Groups (the naive reference). Result: files per second; the ratio is what counts.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgs = {"-Xmx1g"})
public class RowGroupDecodeBench {
  @Param("/tmp/winnow-loader-bench/synthetic/train/part-00003.parquet")
  public String file;

  @Benchmark
  public long loaderColumnDecoder() {
    long tokens = 0;
    try (ShardFile f = ShardFile.open(LocalShardStore.INSTANCE, file)) {
      for (int g = 0; g < f.rowGroupCount(); g++) {
        tokens += f.decode(g, DecodeColumns.TOKENS_AND_SOURCE).tokenCount();
      }
    }
    return tokens;
  }

  @Benchmark
  public long parquetColumnReader() throws IOException {
    long sum = 0;
    try (ParquetFileReader r = ParquetFileReader.open(new LocalInputFile(Path.of(file)),
        ParquetReadOptions.builder(new PlainParquetConfiguration()).build())) {
      MessageType schema = r.getFooter().getFileMetaData().getSchema();
      ColumnDescriptor tokens = schema.getColumnDescription(new String[] {"tokens", "list",
          "element"});
      MessageType projection = new MessageType(schema.getName(), schema.getType("tokens"));
      r.setRequestedSchema(projection);
      PageReadStore pages;
      while ((pages = r.readNextRowGroup()) != null) {
        ColumnReader c = new ColumnReadStoreImpl(pages, new Discard(2), projection,
            r.getFooter().getFileMetaData().getCreatedBy()).getColumnReader(tokens);
        int max = tokens.getMaxDefinitionLevel();
        for (long i = 0, n = c.getTotalValueCount(); i < n; i++) {
          if (c.getCurrentDefinitionLevel() == max) {
            sum += c.getInteger();
          }
          c.consume();
        }
      }
    }
    return sum;
  }

  @Benchmark
  public long parquetRecordReader() throws IOException {
    long n = 0;
    try (ParquetReader<Group> r = new ParquetReader.Builder<Group>(
        new LocalInputFile(Path.of(file)), new PlainParquetConfiguration()) {
      @Override
      protected ReadSupport<Group> getReadSupport() {
        return new GroupReadSupport();
      }
    }.build()) {
      for (Group g = r.read(); g != null; g = r.read()) {
        Group list = g.getGroup("tokens", 0);
        int len = list.getFieldRepetitionCount("list");
        for (int i = 0; i < len; i++) {
          n += list.getGroup("list", i).getInteger("element", 0);
        }
      }
    }
    return n;
  }

  /**
   * Parquet's column readers want a converter tree even when values are read directly: groups
   * {@code depth} levels deep, then primitives.
   */
  private static final class Discard extends GroupConverter {
    private static final PrimitiveConverter NONE = new PrimitiveConverter() {};
    private final int depth;

    Discard(int depth) {
      this.depth = depth;
    }

    @Override
    public Converter getConverter(int fieldIndex) {
      return depth > 0 ? new Discard(depth - 1) : NONE;
    }

    @Override
    public void start() {}

    @Override
    public void end() {}
  }
}
