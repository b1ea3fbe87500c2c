package org.winnow.loader.shard;

import java.io.ByteArrayInputStream;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.util.Arrays;
import java.util.List;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.format.ColumnChunk;
import org.apache.parquet.format.ColumnMetaData;
import org.apache.parquet.format.FileMetaData;
import org.apache.parquet.format.RowGroup;
import org.apache.parquet.format.Util;
import org.apache.parquet.io.InputFile;
import org.apache.parquet.io.SeekableInputStream;
import org.apache.parquet.schema.MessageType;
import org.winnow.loader.store.ShardStore;

/**
 * A shard file's footer, read once and checked against the contract: its length, row groups
 * and column layout. Immutable; shared by every reader of the file.
 */
public final class ShardFooter {
  private static final byte[] MAGIC = "PAR1".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] ENCRYPTED = "PARE".getBytes(StandardCharsets.US_ASCII);

  private final String path;
  private final long dataEnd;
  private final List<RowGroup> rowGroups;
  private final ShardLayout layout;
  private final String createdBy;

  private ShardFooter(String path, long dataEnd, List<RowGroup> rowGroups, ShardLayout layout,
      String createdBy) {
    this.path = path;
    this.dataEnd = dataEnd;
    this.rowGroups = rowGroups;
    this.layout = layout;
    this.createdBy = createdBy;
  }

  /**
   * Reads and checks the footer of {@code path}.
   *
   * @throws ShardException naming the file when it is missing, not Parquet, or not the contract
   */
  public static ShardFooter read(ShardStore store, String path) {
    FileMetaData meta;
    long dataEnd;
    MessageType schema;
    try {
      InputFile file = store.inputFile(path);
      long length = file.getLength();
      if (length < 12) {
        throw new ShardException(path, "not a Parquet file: " + length + " bytes", null);
      }
      try (SeekableInputStream in = file.newStream()) {
        byte[] tail = new byte[8];
        in.seek(length - 8);
        in.readFully(tail);
        if (Arrays.equals(tail, 4, 8, ENCRYPTED, 0, 4)) {
          throw new ShardException(path, "encrypted Parquet footers are not supported", null);
        }
        if (!Arrays.equals(tail, 4, 8, MAGIC, 0, 4)) {
          throw new ShardException(path, "not a Parquet file: no PAR1 magic at the end", null);
        }
        int footerLength = (tail[0] & 0xff) | (tail[1] & 0xff) << 8 | (tail[2] & 0xff) << 16
            | (tail[3] & 0xff) << 24;
        if (footerLength <= 0 || footerLength > length - 12) {
          throw new ShardException(path, "footer length " + footerLength + " does not fit a file "
              + "of " + length + " bytes", null);
        }
        byte[] footer = new byte[footerLength];
        dataEnd = length - 8 - footerLength;
        in.seek(dataEnd);
        in.readFully(footer);
        meta = Util.readFileMetaData(new ByteArrayInputStream(footer));
      }
      schema = ThriftSchema.toMessageType(meta.getSchema());
    } catch (NoSuchFileException | FileNotFoundException e) {
      throw new ShardException(path, "shard file is missing", e);
    } catch (ShardException e) {
      throw e;
    } catch (IOException | RuntimeException e) {
      throw new ShardException(path, "cannot read footer: " + e.getMessage(), e);
    }
    ShardLayout layout = ShardLayout.of(schema, path);
    List<RowGroup> groups = meta.getRow_groups() == null ? List.of() : meta.getRow_groups();
    return new ShardFooter(path, dataEnd, groups, layout, meta.getCreated_by());
  }

  public String path() {
    return path;
  }

  public ShardLayout layout() {
    return layout;
  }

  /** Where the column data ends and the footer begins. */
  long dataEnd() {
    return dataEnd;
  }

  int rowGroupCount() {
    return rowGroups.size();
  }

  long rows(int rowGroup) {
    return rowGroups.get(rowGroup).getNum_rows();
  }

  String createdBy() {
    return createdBy;
  }

  /**
   * The metadata of {@code column}'s chunk in a row group.
   *
   * @throws ShardException when the row group has no such chunk or keeps it elsewhere
   */
  ColumnMetaData chunk(int rowGroup, ColumnDescriptor column) {
    List<String> want = Arrays.asList(column.getPath());
    for (ColumnChunk c : rowGroups.get(rowGroup).getColumns()) {
      ColumnMetaData m = c.getMeta_data();
      if (m != null && want.equals(m.getPath_in_schema())) {
        if (c.isSetFile_path()) {
          throw new ShardException(path, rowGroup, "column " + String.join(".", want)
              + " is stored in another file (" + c.getFile_path() + ")", null);
        }
        return m;
      }
    }
    throw new ShardException(path, rowGroup, "row group has no column chunk for "
        + String.join(".", want), null);
  }
}
