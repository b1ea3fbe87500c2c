package org.winnow.core.ledger;

import java.util.List;
import org.winnow.core.schema.Column;
import org.winnow.core.schema.ColumnType;

/** Columns of the {@code _removed/} and {@code _rejected/} side datasets, in order. */
public final class DroppedSchema {
  public static final List<Column> COLUMNS =
      List.of(
          new Column("id", ColumnType.STRING, false),
          new Column("url", ColumnType.STRING, false),
          new Column("stage", ColumnType.STRING, false),
          new Column("reason", ColumnType.STRING, false),
          new Column("detail", ColumnType.STRING, false),
          new Column("warc_file", ColumnType.STRING, false),
          new Column("warc_offset", ColumnType.LONG, false),
          new Column("text", ColumnType.STRING, false));

  /** Name of the side dataset for removed records, beside the kept output. */
  public static final String REMOVED_DIR = "_removed";
  /** Name of the side dataset for rejected records, beside the kept output. */
  public static final String REJECTED_DIR = "_rejected";

  private DroppedSchema() {}

  /** The row's values in {@link #COLUMNS} order. */
  public static Object[] values(Outcome.Dropped d) {
    return new Object[] {
      d.id(), d.url(), d.stage(), d.reason(), d.detail(), d.warcFile(), d.warcOffset(), d.text()
    };
  }
}
