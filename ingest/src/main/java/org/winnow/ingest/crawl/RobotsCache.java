package org.winnow.ingest.crawl;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * robots.txt per origin, fetched once and kept for a day, so that rounds running in the same
 * JVM (a Spark executor) do not fetch it again. Deferred answers (5xx, network failure) are not
 * kept: the next round asks again.
 */
public final class RobotsCache {
  private static final RobotsCache SHARED = new RobotsCache(Duration.ofHours(24));

  private final ConcurrentHashMap<String, Cached> byOrigin = new ConcurrentHashMap<>();
  private final Duration ttl;

  private record Cached(RobotsPolicy policy, Instant fetched) {}

  public RobotsCache(Duration ttl) {
    this.ttl = ttl;
  }

  /** The cache of this JVM. */
  public static RobotsCache shared() {
    return SHARED;
  }

  Optional<RobotsPolicy> get(String origin) {
    Cached c = byOrigin.get(origin);
    if (c == null || c.fetched.plus(ttl).isBefore(Instant.now())) {
      return Optional.empty();
    }
    return Optional.of(c.policy);
  }

  void put(String origin, RobotsPolicy policy) {
    if (!policy.deferred()) {
      byOrigin.put(origin, new Cached(policy, Instant.now()));
    }
  }
}
