package org.winnow.jobs.ingest;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.winnow.core.ledger.Fate;
import org.winnow.core.ledger.Outcome;
import org.winnow.core.schema.DocumentSchema;
import org.winnow.jobs.spark.SparkSchemas;
import scala.collection.immutable.Seq;
import scala.jdk.javaapi.CollectionConverters;

/** Turns a stage's {@link Outcome} into a row of {@link SparkSchemas#outcome()}. */
public final class OutcomeRows {
  private static final int DOCUMENT_COLUMNS = DocumentSchema.COLUMNS.size();
  private static final int ID = DocumentSchema.COLUMNS.indexOf(DocumentSchema.ID);
  private static final int URL = DocumentSchema.COLUMNS.indexOf(DocumentSchema.URL);
  private static final int TEXT = DocumentSchema.COLUMNS.indexOf(DocumentSchema.TEXT);
  private static final int WARC_FILE = DocumentSchema.COLUMNS.indexOf(DocumentSchema.WARC_FILE);
  private static final int WARC_OFFSET = DocumentSchema.COLUMNS.indexOf(DocumentSchema.WARC_OFFSET);

  // Spark's row encoder takes arrays as Scala sequences.
  private static final Seq<String> NO_MODIFICATIONS =
      CollectionConverters.asScala(java.util.List.<String>of()).toSeq();

  private OutcomeRows() {}

  /** The outcome as a row; {@code stage} is written for kept rows, which carry none of their own. */
  public static Row toRow(Outcome outcome, String stage) {
    Object[] v = new Object[DOCUMENT_COLUMNS + 5];
    if (outcome instanceof Outcome.Kept k) {
      System.arraycopy(DocumentSchema.values(k.document()), 0, v, 0, DOCUMENT_COLUMNS);
      v[DOCUMENT_COLUMNS] = stage;
      v[DOCUMENT_COLUMNS + 1] = Fate.KEPT.name();
      v[DOCUMENT_COLUMNS + 4] = CollectionConverters.asScala(k.modifications()).toSeq();
    } else {
      Outcome.Dropped d = (Outcome.Dropped) outcome;
      v[ID] = d.id();
      v[URL] = d.url();
      v[TEXT] = d.text();
      v[WARC_FILE] = d.warcFile();
      v[WARC_OFFSET] = d.warcOffset();
      v[DOCUMENT_COLUMNS] = d.stage();
      v[DOCUMENT_COLUMNS + 1] = d.fate().name();
      v[DOCUMENT_COLUMNS + 2] = d.reason();
      v[DOCUMENT_COLUMNS + 3] = d.detail();
      v[DOCUMENT_COLUMNS + 4] = NO_MODIFICATIONS;
    }
    return RowFactory.create(v);
  }
}
