package org.winnow.jobs.crawl;

import static org.apache.spark.sql.types.DataTypes.IntegerType;
import static org.apache.spark.sql.types.DataTypes.LongType;
import static org.apache.spark.sql.types.DataTypes.StringType;
import static org.apache.spark.sql.types.DataTypes.createArrayType;
import static org.apache.spark.sql.types.DataTypes.createStructField;
import static org.apache.spark.sql.types.DataTypes.createStructType;

import java.util.List;
import org.apache.spark.sql.types.StructType;

/**
 * The crawl's datasets. The frontier holds one row per URL the crawl knows, with its state; the
 * outcomes are what one round's tasks report; the crawl log keeps, per round, every URL's fate.
 */
public final class CrawlSchemas {
  private CrawlSchemas() {}

  // Frontier states.
  public static final String DUE = "due";
  public static final String RETRY = "retry";
  public static final String FETCHED = "fetched";
  public static final String FAILED = "failed";

  /**
   * url, host (the origin a task owns), registered domain, depth from a seed, state, attempts
   * that asked for a retry, the page it was discovered on, when it may next be fetched (epoch
   * ms), why it failed, its last HTTP status, and the round that last changed it.
   */
  public static final StructType FRONTIER = createStructType(List.of(
      createStructField("url", StringType, false),
      createStructField("host", StringType, false),
      createStructField("domain", StringType, false),
      createStructField("depth", IntegerType, false),
      createStructField("status", StringType, false),
      createStructField("attempts", IntegerType, false),
      createStructField("discovered_from", StringType, true),
      createStructField("next_fetch_ms", LongType, false),
      createStructField("reason", StringType, true),
      createStructField("http_status", IntegerType, false),
      createStructField("round", IntegerType, false)));

  /** One row per {@link org.winnow.ingest.crawl.CrawlOutcome}. */
  public static final StructType OUTCOME = createStructType(List.of(
      createStructField("url", StringType, false),
      createStructField("host", StringType, false),
      createStructField("kind", StringType, false),
      createStructField("http_status", IntegerType, false),
      createStructField("reason", StringType, true),
      createStructField("detail", StringType, false),
      createStructField("fetch_time_ms", LongType, false),
      createStructField("next_fetch_ms", LongType, false),
      createStructField("attempts", IntegerType, false),
      createStructField("warc_file", StringType, true),
      createStructField("warc_offset", LongType, false),
      createStructField("links", createArrayType(StringType, false), false),
      createStructField("fetched", createArrayType(StringType, false), false),
      createStructField("depth", IntegerType, false)));

  /** The crawl log of one round: every URL's fate, fetched or not, with the reason. */
  public static final StructType LOG = createStructType(List.of(
      createStructField("url", StringType, false),
      createStructField("status", StringType, false),
      createStructField("http_status", IntegerType, false),
      createStructField("reason", StringType, true),
      createStructField("detail", StringType, true),
      createStructField("warc_file", StringType, true),
      createStructField("warc_offset", LongType, false),
      createStructField("fetch_time_ms", LongType, false)));
}
