package org.winnow.jobs.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.Serial;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.NoSuchElementException;
import org.apache.hadoop.fs.Path;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Row;
import org.apache.spark.util.TaskCompletionListener;
import org.winnow.core.ledger.Outcome;
import org.winnow.ingest.IngestConfig;
import org.winnow.ingest.WarcIngester;
import org.winnow.jobs.io.CountingInputStream;
import org.winnow.jobs.io.InputFile;
import org.winnow.jobs.spark.JobCounters;
import org.winnow.jobs.spark.SerializableHadoopConf;

/**
 * One Spark task per input file: opens the file through Hadoop's FileSystem and streams it
 * through {@link WarcIngester}, one outcome row per candidate record. Nothing of a file is held
 * in memory beyond the record being decoded.
 */
final class IngestFileTask implements FlatMapFunction<InputFile, Row> {
  @Serial private static final long serialVersionUID = 1L;

  private final IngestConfig config;
  private final Broadcast<SerializableHadoopConf> hadoopConf;
  private final JobCounters counters;

  IngestFileTask(
      IngestConfig config, Broadcast<SerializableHadoopConf> hadoopConf, JobCounters counters) {
    this.config = config;
    this.hadoopConf = hadoopConf;
    this.counters = counters;
  }

  @Override
  public Iterator<Row> call(InputFile file) throws IOException {
    Path path = new Path(file.path());
    InputStream raw = path.getFileSystem(hadoopConf.value().get()).open(path);
    CountingInputStream in = new CountingInputStream(raw, counters.bytes()::add);
    TaskContext task = TaskContext.get();
    if (task != null) {
      // A killed or failed task never exhausts the iterator, which is what closes the stream.
      task.addTaskCompletionListener((TaskCompletionListener) ctx -> closeAfterTask(in, file));
    }
    Iterator<Outcome> outcomes = new WarcIngester(config).read(in, file.path());
    return new Iterator<>() {
      private boolean finished;

      @Override
      public boolean hasNext() {
        boolean more;
        try {
          more = outcomes.hasNext();
        } catch (RuntimeException e) {
          throw new IllegalStateException("ingest of " + file.path() + " failed", e);
        }
        if (!more && !finished) {
          finished = true;
          in.flush();
          counters.files().add(1);
        }
        return more;
      }

      @Override
      public Row next() {
        if (!hasNext()) {
          throw new NoSuchElementException(file.path());
        }
        Outcome o;
        try {
          o = outcomes.next();
        } catch (RuntimeException e) {
          throw new IllegalStateException("ingest of " + file.path() + " failed", e);
        }
        counters.records().add(1);
        return OutcomeRows.toRow(o, WarcIngester.STAGE);
      }
    };
  }

  private static void closeAfterTask(InputStream in, InputFile file) {
    try {
      in.close();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot close " + file.path(), e);
    }
  }
}
