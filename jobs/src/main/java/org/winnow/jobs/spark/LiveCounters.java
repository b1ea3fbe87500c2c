package org.winnow.jobs.spark;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.spark.SparkContext;
import org.apache.spark.scheduler.AccumulableInfo;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerExecutorMetricsUpdate;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import scala.Tuple4;
import scala.collection.Iterator;
import scala.collection.immutable.Seq;

/**
 * The current values of a job's {@link JobCounters}, including what running tasks have counted
 * so far: Spark merges accumulators into the driver only when a task ends, but executors send
 * running tasks' values with every heartbeat, which this listener keeps.
 */
public final class LiveCounters extends SparkListener implements AutoCloseable {
  private final SparkContext sc;
  private final JobCounters counters;
  private final ConcurrentHashMap<Long, long[]> running = new ConcurrentHashMap<>();
  private final Set<Long> ended = ConcurrentHashMap.newKeySet();

  private LiveCounters(SparkContext sc, JobCounters counters) {
    this.sc = sc;
    this.counters = counters;
  }

  public static LiveCounters start(SparkContext sc, JobCounters counters) {
    LiveCounters live = new LiveCounters(sc, counters);
    sc.addSparkListener(live);
    return live;
  }

  /** Records produced so far by finished and running tasks. */
  public long records() {
    return counters.records().value() + runningSum(0);
  }

  /** Input bytes read so far by finished and running tasks. */
  public long bytes() {
    return counters.bytes().value() + runningSum(1);
  }

  /** Files read to the end. */
  public long files() {
    return counters.files().value();
  }

  @Override
  public void onExecutorMetricsUpdate(SparkListenerExecutorMetricsUpdate update) {
    Iterator<Tuple4<Object, Object, Object, Seq<AccumulableInfo>>> tasks =
        update.accumUpdates().iterator();
    while (tasks.hasNext()) {
      Tuple4<Object, Object, Object, Seq<AccumulableInfo>> t = tasks.next();
      long taskId = ((Number) t._1()).longValue();
      long[] values = {-1, -1};
      Iterator<AccumulableInfo> infos = t._4().iterator();
      while (infos.hasNext()) {
        AccumulableInfo info = infos.next();
        if (info.update().isEmpty()) {
          continue;
        }
        if (info.id() == counters.records().id()) {
          values[0] = ((Number) info.update().get()).longValue();
        } else if (info.id() == counters.bytes().id()) {
          values[1] = ((Number) info.update().get()).longValue();
        }
      }
      // A heartbeat built just before a task ended may arrive after its end event.
      if ((values[0] >= 0 || values[1] >= 0) && !ended.contains(taskId)) {
        running.put(taskId, new long[] {Math.max(0, values[0]), Math.max(0, values[1])});
      }
    }
  }

  @Override
  public void onTaskEnd(SparkListenerTaskEnd end) {
    long taskId = end.taskInfo().taskId();
    ended.add(taskId);
    running.remove(taskId);
  }

  @Override
  public void close() {
    sc.removeSparkListener(this);
  }

  private long runningSum(int index) {
    long sum = 0;
    for (long[] v : running.values()) {
      sum += v[index];
    }
    return sum;
  }
}
