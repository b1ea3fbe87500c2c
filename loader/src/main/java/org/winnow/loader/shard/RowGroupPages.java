package org.winnow.loader.shard;

import java.util.Map;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.page.PageReadStore;
import org.apache.parquet.column.page.PageReader;

/** The parsed pages of the columns read from one row group. */
final class RowGroupPages implements PageReadStore {
  private final Map<ColumnDescriptor, ColumnChunkPages> columns;
  private final long rows;

  RowGroupPages(Map<ColumnDescriptor, ColumnChunkPages> columns, long rows) {
    this.columns = columns;
    this.rows = rows;
  }

  @Override
  public PageReader getPageReader(ColumnDescriptor column) {
    ColumnChunkPages pages = columns.get(column);
    if (pages == null) {
      throw new IllegalArgumentException("column " + column + " was not read");
    }
    return pages;
  }

  @Override
  public long getRowCount() {
    return rows;
  }
}
