package org.winnow.jobs.filter;

import java.io.Serial;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.winnow.core.Document;
import org.winnow.core.ledger.Fate;
import org.winnow.core.ledger.Outcome;
import org.winnow.core.schema.DocumentSchema;
import org.winnow.filter.Evaluation;
import org.winnow.filter.FilterPipeline;
import org.winnow.filter.signals.SignalSchema;
import org.winnow.jobs.spark.JobCounters;
import scala.jdk.javaapi.CollectionConverters;

/**
 * One Spark partition of documents through one {@link FilterPipeline}, one outcome row
 * ({@link FilterRowLayout}) per input row. A row that is not a valid document (a null where
 * the schema requires a value) is rejected as {@code malformed_document}; a document the
 * pipeline fails on is rejected as {@code filter_error} with the exception in the detail. Both
 * keep their lineage, so nothing vanishes and the job goes on.
 */
final class FilterPartitionTask implements FlatMapFunction<Iterator<Row>, Row> {
  @Serial private static final long serialVersionUID = 1L;

  /** Reject reason of a row that is not a valid document. */
  static final String MALFORMED = "malformed_document";
  /** Reject reason of a document the filter failed on. */
  static final String ERROR = "filter_error";

  private final FilterSettings settings;
  private final FilterRowLayout layout;
  private final FilterSpec.Mode mode;
  private final String stage;
  private final JobCounters counters;

  FilterPartitionTask(FilterSettings settings, FilterRowLayout layout, FilterSpec.Mode mode,
      String stage, JobCounters counters) {
    this.settings = settings;
    this.layout = layout;
    this.mode = mode;
    this.stage = stage;
    this.counters = counters;
  }

  @Override
  public Iterator<Row> call(Iterator<Row> rows) {
    FilterPipeline pipeline = settings.pipeline();
    return new Iterator<>() {
      @Override
      public boolean hasNext() {
        return rows.hasNext();
      }

      @Override
      public Row next() {
        Row row = outcome(pipeline, rows.next());
        counters.records().add(1);
        return row;
      }
    };
  }

  private Row outcome(FilterPipeline pipeline, Row input) {
    Object[] base = layout.baseValues(input);
    Object[] core = layout.coreValues(base);
    Document document;
    try {
      document = DocumentSchema.fromValues(core);
    } catch (RuntimeException e) {
      return dropped(base, null, Fate.REJECTED, MALFORMED, e.toString(), List.of());
    }
    try {
      if (mode == FilterSpec.Mode.SIGNALS) {
        return kept(base, pipeline.signals(document).toRow(), List.of(), 0, Map.of());
      }
      Evaluation e = pipeline.evaluate(document);
      Object[] signals = e.signals().toRow();
      if (e.outcome() instanceof Outcome.Kept k) {
        base[layout.textAt()] = k.document().text();
        return kept(base, signals, k.modifications(), e.cleaning().charsRemoved(), e.pii());
      }
      Outcome.Dropped d = (Outcome.Dropped) e.outcome();
      return dropped(base, signals, d.fate(), d.reason(), d.detail(), e.failedRules());
    } catch (RuntimeException e) {
      return dropped(base, null, Fate.REJECTED, ERROR, e.toString(), List.of());
    }
  }

  private Row kept(Object[] base, Object[] signals, List<String> modifications,
      long charsRemoved, Map<String, Integer> pii) {
    Object[] v = row(base, signals);
    int at = layout.outcomeAt();
    v[at] = stage;
    v[at + 1] = Fate.KEPT.name();
    v[at + 4] = seq(modifications);
    v[at + 5] = seq(List.of());
    v[at + 6] = charsRemoved;
    v[at + 7] = CollectionConverters.asScala(pii);
    return RowFactory.create(v);
  }

  private Row dropped(Object[] base, Object[] signals, Fate fate, String reason, String detail,
      List<String> failedRules) {
    Object[] v = row(base, signals);
    int at = layout.outcomeAt();
    v[at] = stage;
    v[at + 1] = fate.name();
    v[at + 2] = reason;
    v[at + 3] = detail;
    v[at + 4] = seq(List.of());
    v[at + 5] = seq(failedRules);
    v[at + 6] = 0L;
    v[at + 7] = CollectionConverters.asScala(Map.<String, Integer>of());
    return RowFactory.create(v);
  }

  private Object[] row(Object[] base, Object[] signals) {
    Object[] v = new Object[layout.outcome().size()];
    System.arraycopy(base, 0, v, 0, base.length);
    if (signals != null) {
      System.arraycopy(signals, 0, v, layout.signalsAt(), SignalSchema.COLUMNS.size());
    }
    return v;
  }

  private static scala.collection.immutable.Seq<String> seq(List<String> values) {
    return CollectionConverters.asScala(values).toSeq();
  }
}
