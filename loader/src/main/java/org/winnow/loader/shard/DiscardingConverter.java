package org.winnow.loader.shard;

import org.apache.parquet.io.api.Converter;
import org.apache.parquet.io.api.GroupConverter;
import org.apache.parquet.io.api.PrimitiveConverter;

/**
 * The converter tree Parquet's column readers insist on being given; values are taken from the
 * readers directly, so every callback is a no-op.
 */
final class DiscardingConverter extends GroupConverter {
  private static final PrimitiveConverter PRIMITIVE = new PrimitiveConverter() {};

  @Override
  public Converter getConverter(int fieldIndex) {
    return PRIMITIVE;
  }

  @Override
  public void start() {}

  @Override
  public void end() {}
}
