package org.winnow.jobs.tokenize;

import it.unimi.dsi.fastutil.objects.Object2LongMap;
import it.unimi.dsi.fastutil.objects.Object2LongOpenHashMap;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.function.PairFlatMapFunction;
import org.apache.spark.sql.Row;
import org.winnow.jobs.spark.JobCounters;
import org.winnow.tokenizer.train.PreTokenCounter;
import scala.Tuple2;

/**
 * Counts the pre-tokens of one partition of texts in a primitive map and emits each distinct
 * pre-token once with its count, so the shuffle carries distinct words, not occurrences.
 */
final class PreTokenCountTask implements PairFlatMapFunction<Iterator<Row>, String, Long> {
  private static final long serialVersionUID = 1L;

  private final String pattern;
  private final JobCounters counters;

  PreTokenCountTask(String pattern, JobCounters counters) {
    this.pattern = pattern;
    this.counters = counters;
  }

  @Override
  public Iterator<Tuple2<String, Long>> call(Iterator<Row> rows) {
    PreTokenCounter counter = PreTokenCounter.forPattern(pattern);
    Object2LongOpenHashMap<String> counts = new Object2LongOpenHashMap<>();
    while (rows.hasNext()) {
      Row row = rows.next();
      if (!row.isNullAt(0)) {
        String text = row.getString(0);
        counter.count(text, counts);
        counters.bytes().add(text.length());
      }
      counters.records().add(1);
    }
    List<Tuple2<String, Long>> out = new ArrayList<>(counts.size());
    for (Object2LongMap.Entry<String> e : counts.object2LongEntrySet()) {
      out.add(new Tuple2<>(e.getKey(), e.getLongValue()));
    }
    return out.iterator();
  }
}
