package org.winnow.loader.shard;

import java.io.Closeable;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.ColumnReader;
import org.apache.parquet.column.impl.ColumnReadStoreImpl;
import org.apache.parquet.format.ColumnMetaData;
import org.apache.parquet.io.SeekableInputStream;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.schema.MessageType;
import org.winnow.loader.store.ShardStore;

/**
 * An open shard file: its footer, checked against the contract, and row-group decoding. Column
 * chunks are read with one positional read each and their pages parsed here, so a file's footer
 * is parsed once however many of its row groups are read. One instance per thread.
 */
public final class ShardFile implements Closeable {
  private static final List<String> TOKEN_COLUMNS = List.of(ShardSchema.TOKENS, ShardSchema.SOURCE);
  private static final List<String> ALL_COLUMNS =
      List.of(ShardSchema.DOC_ID, ShardSchema.SOURCE, ShardSchema.TOKENS, ShardSchema.N_BYTES);

  private final ShardStore store;
  private final ShardFooter footer;
  private final ArrayCodecFactory codecs = new ArrayCodecFactory();
  private SeekableInputStream in;

  private ShardFile(ShardStore store, ShardFooter footer) {
    this.store = store;
    this.footer = footer;
  }

  /**
   * Opens {@code path} and reads its footer.
   *
   * @throws ShardException naming the file when it is missing, its footer unreadable, or its
   *     schema not the contract's
   */
  public static ShardFile open(ShardStore store, String path) {
    return new ShardFile(store, ShardFooter.read(store, path));
  }

  /** Opens {@code path}, taking its footer from {@code cache} when it holds it. */
  public static ShardFile open(ShardStore store, String path, FooterCache cache) {
    return new ShardFile(store, cache.get(store, path));
  }

  public String path() {
    return footer.path();
  }

  public ShardLayout layout() {
    return footer.layout();
  }

  public int rowGroupCount() {
    return footer.rowGroupCount();
  }

  public long rows(int rowGroup) {
    return footer.rows(rowGroup);
  }

  /** Rows in the whole file. */
  public long rows() {
    long n = 0;
    for (int g = 0; g < footer.rowGroupCount(); g++) {
      n += footer.rows(g);
    }
    return n;
  }

  /**
   * Level entries of the tokens column in a row group: the token count plus one per empty or
   * null list. An upper bound on tokens that needs no decoding.
   */
  public long tokenEntries(int rowGroup) {
    return footer.chunk(rowGroup, layout().tokens()).getNum_values();
  }

  /**
   * Decodes one row group.
   *
   * @throws ShardException naming the file and row group when it cannot be read or decoded
   */
  public DecodedRowGroup decode(int rowGroup, DecodeColumns columns) {
    String path = path();
    if (rowGroup < 0 || rowGroup >= rowGroupCount()) {
      throw new ShardException(path, rowGroup, "file has " + rowGroupCount()
          + " row groups, row group " + rowGroup + " does not exist", null);
    }
    long rowCount = footer.rows(rowGroup);
    if (rowCount > Integer.MAX_VALUE - 1 || rowCount < 0) {
      throw new ShardException(path, rowGroup, "row group claims " + rowCount + " rows", null);
    }
    boolean all = columns == DecodeColumns.ALL;
    ShardLayout layout = layout();
    MessageType projection = layout.projection(all ? ALL_COLUMNS : TOKEN_COLUMNS);
    try {
      int rows = (int) rowCount;
      RowGroupPages pages = read(rowGroup, projection);
      TokenColumnDecoder.Result t = new TokenColumnDecoder(layout)
          .decode(pages.getPageReader(layout.tokens()), rows, tokenEntries(rowGroup));
      ColumnReadStoreImpl scalars = new ColumnReadStoreImpl(pages, new DiscardingConverter(),
          projection, footer.createdBy());
      int[] sourceIds = new int[rows];
      List<String> sources = new ArrayList<>();
      readSources(scalars.getColumnReader(layout.source()), rows, sourceIds, sources, rowGroup);
      String[] docIds = all ? readDocIds(scalars.getColumnReader(layout.docId()), rows, rowGroup)
          : null;
      long[] nBytes = all ? readLongs(scalars.getColumnReader(layout.nBytes()), rows, rowGroup)
          : null;
      return new DecodedRowGroup(path, rowGroup, t.tokens(), t.tokenCount(), t.offsets(),
          sourceIds, sources, docIds, nBytes);
    } catch (ShardException e) {
      throw e;
    } catch (NullTokenException e) {
      throw new ShardException(path, rowGroup, e.getMessage(), e);
    } catch (CorruptPageException e) {
      throw new ShardException(path, rowGroup, "corrupt data: " + e.getMessage(), e);
    } catch (IOException e) {
      throw new ShardException(path, rowGroup, "cannot read: " + e, e);
    } catch (RuntimeException e) {
      throw new ShardException(path, rowGroup, "corrupt data: " + e, e);
    }
  }

  /** Reads and parses the column chunks of {@code projection} in one row group. */
  private RowGroupPages read(int rowGroup, MessageType projection) throws IOException {
    if (in == null) {
      in = store.inputFile(path()).newStream();
    }
    Map<ColumnDescriptor, ColumnChunkPages> out = new HashMap<>();
    for (ColumnDescriptor column : projection.getColumns()) {
      ColumnDescriptor fileColumn = layout().column(column.getPath());
      ColumnMetaData meta = footer.chunk(rowGroup, fileColumn);
      long start = meta.getData_page_offset();
      if (meta.isSetDictionary_page_offset() && meta.getDictionary_page_offset() > 0
          && meta.getDictionary_page_offset() < start) {
        start = meta.getDictionary_page_offset();
      }
      long size = meta.getTotal_compressed_size();
      if (start < 4 || size < 0 || size > Integer.MAX_VALUE - 16
          || start + size > footer.dataEnd()) {
        throw new CorruptPageException("column chunk " + String.join(".", column.getPath())
            + " at byte " + start + " of " + size + " bytes lies outside the file's data");
      }
      byte[] bytes = new byte[(int) size];
      in.seek(start);
      in.readFully(bytes);
      out.put(fileColumn, ColumnChunkPages.parse(bytes, meta, fileColumn, codecs));
    }
    return new RowGroupPages(out, footer.rows(rowGroup));
  }

  private void readSources(ColumnReader col, int rows, int[] ids, List<String> names,
      int rowGroup) {
    Map<Binary, Integer> index = new HashMap<>();
    int max = col.getDescriptor().getMaxDefinitionLevel();
    for (int r = 0; r < rows; r++) {
      if (col.getCurrentDefinitionLevel() != max) {
        throw new ShardException(path(), rowGroup, "row " + r + " has a null source", null);
      }
      Binary v = col.getBinary();
      Integer id = index.get(v);
      if (id == null) {
        id = names.size();
        index.put(v.copy(), id);
        names.add(v.toStringUsingUTF8());
      }
      ids[r] = id;
      col.consume();
    }
  }

  private String[] readDocIds(ColumnReader col, int rows, int rowGroup) {
    String[] out = new String[rows];
    int max = col.getDescriptor().getMaxDefinitionLevel();
    for (int r = 0; r < rows; r++) {
      if (col.getCurrentDefinitionLevel() != max) {
        throw new ShardException(path(), rowGroup, "row " + r + " has a null doc_id", null);
      }
      out[r] = col.getBinary().toStringUsingUTF8();
      col.consume();
    }
    return out;
  }

  private long[] readLongs(ColumnReader col, int rows, int rowGroup) {
    long[] out = new long[rows];
    int max = col.getDescriptor().getMaxDefinitionLevel();
    for (int r = 0; r < rows; r++) {
      if (col.getCurrentDefinitionLevel() != max) {
        throw new ShardException(path(), rowGroup, "row " + r + " has a null n_bytes", null);
      }
      out[r] = col.getLong();
      col.consume();
    }
    return out;
  }

  @Override
  public void close() {
    try {
      if (in != null) {
        in.close();
      }
    } catch (IOException e) {
      throw new ShardException(path(), "cannot close: " + e.getMessage(), e);
    } finally {
      codecs.release();
    }
  }
}
