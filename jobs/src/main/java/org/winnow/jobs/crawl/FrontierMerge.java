package org.winnow.jobs.crawl;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.lower;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.udf;
import static org.apache.spark.sql.functions.when;

import java.util.Arrays;
import java.util.Optional;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.api.java.UDF2;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;
import org.apache.spark.sql.types.DataTypes;
import org.winnow.ingest.crawl.CrawlOutcome;
import org.winnow.ingest.crawl.CrawlReason;
import org.winnow.ingest.crawl.CrawlScope;
import org.winnow.ingest.crawl.TrapRules;
import org.winnow.ingest.crawl.UrlNormalizer;
import org.winnow.ingest.url.RegisteredDomain;

/**
 * Merges a round's outcomes into the frontier, all as Spark joins and windows, so the frontier
 * never lives on the driver. Frontier URLs take their new state; URLs fetched on the way (redirect
 * hops) are added as fetched; newly found links are deduplicated against the frontier and
 * admitted, or refused with a reason that the crawl log keeps: out of scope, a trap by the URL
 * rules, deeper than the depth limit, or over the per-shape or per-host caps.
 */
final class FrontierMerge {
  private FrontierMerge() {}

  /** The new frontier, and the log rows of URLs refused at admission. */
  record Merged(Dataset<Row> frontier, Dataset<Row> refused) {}

  static Merged merge(Dataset<Row> frontier, Dataset<Row> outcomes, int round, CrawlSpec spec,
      long now) {
    Column kind = col("kind");
    Column newStatus = when(kind.equalTo(CrawlOutcome.Kind.FETCHED.name()), lit(CrawlSchemas.FETCHED))
        .when(kind.equalTo(CrawlOutcome.Kind.RETRY.name()), lit(CrawlSchemas.RETRY))
        .otherwise(lit(CrawlSchemas.FAILED));
    Dataset<Row> updates = outcomes.where(kind.notEqual(CrawlOutcome.Kind.SITEMAP.name()))
        .select(col("url").as("u_url"), newStatus.as("u_status"), col("attempts").as("u_attempts"),
            col("next_fetch_ms").as("u_next"), col("reason").as("u_reason"),
            col("http_status").as("u_http"));
    Column touched = col("u_url").isNotNull();
    Dataset<Row> updated = frontier.join(updates, frontier.col("url").equalTo(col("u_url")),
            "left_outer")
        .select(col("url"), col("host"), col("domain"), col("depth"),
            coalesce(col("u_status"), col("status")).as("status"),
            coalesce(col("u_attempts"), col("attempts")).as("attempts"),
            col("discovered_from"),
            coalesce(col("u_next"), col("next_fetch_ms")).as("next_fetch_ms"),
            when(touched, col("u_reason")).otherwise(col("reason")).as("reason"),
            coalesce(col("u_http"), col("http_status")).as("http_status"),
            when(touched, lit(round)).otherwise(col("round")).as("round"));

    Dataset<Row> hops = outcomes.select(explode(col("fetched")).as("url"), col("depth"),
        col("url").as("discovered_from"), lit(CrawlSchemas.FETCHED).as("status"),
        lit(0).as("priority"));
    Dataset<Row> links = outcomes.select(explode(col("links")).as("url"),
        when(kind.equalTo(CrawlOutcome.Kind.SITEMAP.name()), lit(0))
            .otherwise(col("depth").plus(1)).as("depth"),
        col("url").as("discovered_from"), lit(CrawlSchemas.DUE).as("status"),
        lit(1).as("priority"));
    WindowSpec firstPerUrl = Window.partitionBy("url").orderBy("priority", "depth",
        "discovered_from");
    Dataset<Row> candidates = hops.unionByName(links)
        .withColumn("n", row_number().over(firstPerUrl)).where(col("n").equalTo(1)).drop("n")
        .join(updated.select("url"), "url", "left_anti");

    UserDefinedFunction admit = udf(admission(spec), DataTypes.StringType);
    UserDefinedFunction origin = udf((UDF1<String, String>) UrlNormalizer::origin,
        DataTypes.StringType);
    UserDefinedFunction domain = udf((UDF1<String, String>) u -> RegisteredDomain.of(u).orElse(""),
        DataTypes.StringType);
    Column due = col("status").equalTo(CrawlSchemas.DUE);
    Dataset<Row> fresh = candidates
        .withColumn("reason", when(due, admit.apply(col("url"), col("depth"))))
        .withColumn("status", when(col("reason").isNotNull(), lit(CrawlSchemas.FAILED))
            .otherwise(col("status")))
        .select(col("url"), origin.apply(col("url")).as("host"),
            domain.apply(col("url")).as("domain"), col("depth"), col("status"),
            lit(0).as("attempts"), col("discovered_from"), lit(now).as("next_fetch_ms"),
            col("reason"), lit(0).as("http_status"), lit(round).as("round"));

    TrapRules traps = spec.config().traps();
    UserDefinedFunction shape = udf((UDF1<String, String>) TrapRules::shape, DataTypes.StringType);
    WindowSpec perShape = Window.partitionBy(col("host"), col("shape"))
        .orderBy(col("is_new"), col("depth"), col("url"));
    WindowSpec perHost = Window.partitionBy(col("host"))
        .orderBy(col("is_new"), col("depth"), col("url"));
    Column newDue = col("is_new").equalTo(1).and(col("status").equalTo(CrawlSchemas.DUE));
    Dataset<Row> all = updated.withColumn("is_new", lit(0))
        .unionByName(fresh.withColumn("is_new", lit(1)))
        .withColumn("shape", shape.apply(col("url")))
        .withColumn("rank_shape", row_number().over(perShape))
        .withColumn("rank_host", row_number().over(perHost));
    Column capReason = when(newDue.and(col("rank_shape").gt(traps.maxPagesPerShape())),
            lit(CrawlReason.TRAP.label()))
        .when(newDue.and(col("rank_host").gt(traps.maxPagesPerHost())),
            lit(CrawlReason.HOST_BUDGET.label()));
    Dataset<Row> capped = all
        .withColumn("cap", capReason)
        .withColumn("reason", coalesce(col("cap"), col("reason")))
        .withColumn("status", when(col("cap").isNotNull(), lit(CrawlSchemas.FAILED))
            .otherwise(col("status")));
    Dataset<Row> next = capped.select(Arrays.stream(CrawlSchemas.FRONTIER.fieldNames())
        .map(functions::col).toArray(Column[]::new));
    Dataset<Row> refused = capped
        .where(col("is_new").equalTo(1).and(col("status").equalTo(CrawlSchemas.FAILED)))
        .select(col("url"), lit(CrawlSchemas.FAILED).as("status"), lit(0).as("http_status"),
            col("reason"), concat(lit("found on "), col("discovered_from")).as("detail"),
            lit(null).cast(DataTypes.StringType).as("warc_file"), lit(-1L).as("warc_offset"),
            lit(now).as("fetch_time_ms"));
    return new Merged(next, refused);
  }

  /** The log rows of a round's outcomes (sitemap readings included). */
  static Dataset<Row> outcomeLog(Dataset<Row> outcomes) {
    return outcomes.select(col("url"), lower(col("kind")).as("status"), col("http_status"),
        col("reason"), col("detail"), col("warc_file"), col("warc_offset"),
        col("fetch_time_ms"));
  }

  /** Scope, URL trap rules and depth, as the label of the reason to refuse, or null. */
  private static UDF2<String, Integer, String> admission(CrawlSpec spec) {
    CrawlScope scope = spec.scope();
    TrapRules traps = spec.config().traps();
    int maxDepth = spec.maxDepth();
    return (url, depth) -> {
      if (depth > maxDepth) {
        return CrawlReason.DEPTH.label();
      }
      Optional<String> out = scope.check(url);
      if (out.isPresent()) {
        return CrawlReason.SCOPE.label();
      }
      return traps.check(url).isPresent() ? CrawlReason.TRAP.label() : null;
    };
  }
}
