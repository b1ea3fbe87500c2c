package org.winnow.jobs.crawl;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.winnow.ingest.crawl.CrawlConfig;
import org.winnow.ingest.crawl.CrawlOutcome;
import org.winnow.ingest.crawl.CrawlReason;
import org.winnow.ingest.crawl.CrawlScope;
import org.winnow.ingest.crawl.FrontierEntry;
import org.winnow.ingest.crawl.HostCrawler;
import org.winnow.ingest.crawl.PageFetcher;
import org.winnow.ingest.crawl.RobotsCache;
import org.winnow.jobs.spark.SerializableHadoopConf;

/**
 * One task of a crawl round: the due URLs of the hosts hashed to its partition (rows of url,
 * host, depth, attempts, sorted by host), crawled host by host in parallel threads, each host
 * sequentially and politely. Outcomes already in the journal of an interrupted attempt are
 * returned as they were, without fetching again.
 */
final class CrawlRoundTask implements FlatMapFunction<Iterator<Row>, Row> {
  private static final long serialVersionUID = 1L;

  private final CrawlConfig config;
  private final CrawlScope scope;
  private final CrawlLayout layout;
  private final int round;
  private final int hostThreads;
  private final long warcMaxBytes;
  private final Broadcast<SerializableHadoopConf> conf;

  CrawlRoundTask(CrawlConfig config, CrawlScope scope, CrawlLayout layout, int round,
      int hostThreads, long warcMaxBytes, Broadcast<SerializableHadoopConf> conf) {
    this.config = config;
    this.scope = scope;
    this.layout = layout;
    this.round = round;
    this.hostThreads = hostThreads;
    this.warcMaxBytes = warcMaxBytes;
    this.conf = conf;
  }

  @Override
  public Iterator<Row> call(Iterator<Row> rows) throws Exception {
    Map<String, List<FrontierEntry>> byHost = new LinkedHashMap<>();
    while (rows.hasNext()) {
      Row r = rows.next();
      byHost.computeIfAbsent(r.getString(1), h -> new ArrayList<>())
          .add(new FrontierEntry(r.getString(0), r.getInt(2), r.getInt(3)));
    }
    if (byHost.isEmpty()) {
      return List.<Row>of().iterator();
    }
    int task = TaskContext.getPartitionId();
    Path warcDir = new Path(layout.warcDir());
    FileSystem fs = CrawlLayout.fileSystem(warcDir, conf.value().get());
    TaskJournal.Previous previous = TaskJournal.recover(fs, layout, round, task);
    List<Row> out = new ArrayList<>();
    for (CrawlOutcome o : previous.outcomes().values()) {
      out.add(row(o));
    }
    Map<String, List<FrontierEntry>> todo = new LinkedHashMap<>();
    byHost.forEach((host, entries) -> {
      List<FrontierEntry> left = entries.stream()
          .filter(e -> !previous.outcomes().containsKey(e.url())).toList();
      if (!left.isEmpty()) {
        todo.put(host, left);
      }
    });
    if (todo.isEmpty()) {
      return out.iterator();
    }
    int attempt = previous.nextAttempt();
    try (TaskSink sink = new TaskSink(fs,
            part -> new Path(warcDir, CrawlLayout.warcName(round, task, attempt, part)),
            warcMaxBytes, TaskJournal.create(fs, layout, round, task, attempt));
        PageFetcher fetcher = new PageFetcher(config, 1)) {
      HostCrawler crawler = new HostCrawler(config, scope, fetcher, RobotsCache.shared());
      crawlHosts(crawler, todo, sink);
      for (CrawlOutcome o : sink.outcomes()) {
        out.add(row(o));
      }
    }
    return out.iterator();
  }

  private void crawlHosts(HostCrawler crawler, Map<String, List<FrontierEntry>> todo,
      TaskSink sink) throws IOException, InterruptedException {
    ExecutorService pool = Executors.newFixedThreadPool(Math.min(hostThreads, todo.size()));
    try {
      List<Future<?>> running = new ArrayList<>();
      for (Map.Entry<String, List<FrontierEntry>> e : todo.entrySet()) {
        running.add(pool.submit(() -> {
          crawler.crawl(e.getKey(), e.getValue(), sink);
          return null;
        }));
      }
      for (Future<?> f : running) {
        try {
          f.get();
        } catch (ExecutionException ex) {
          Throwable cause = ex.getCause();
          if (cause instanceof IOException io) {
            throw io;
          }
          throw new UncheckedIOException(new IOException("host crawl failed", cause));
        }
      }
    } finally {
      pool.shutdownNow();
    }
  }

  static Row row(CrawlOutcome o) {
    return RowFactory.create(o.url(), hostOf(o.url()), o.kind().name(), o.httpStatus(),
        o.reason().map(CrawlReason::label).orElse(null), o.detail(),
        o.fetchTime().toEpochMilli(), o.nextFetch().toEpochMilli(), o.attempts(),
        o.warcFile().isEmpty() ? null : o.warcFile(), o.warcOffset(),
        seq(o.links()), seq(o.fetched()), o.depth());
  }

  /** Spark's row encoder wants Scala sequences for array columns. */
  private static scala.collection.immutable.Seq<String> seq(List<String> list) {
    return scala.jdk.javaapi.CollectionConverters.asScala(list).toList();
  }

  private static String hostOf(String url) {
    return org.winnow.ingest.crawl.UrlNormalizer.origin(url);
  }
}
