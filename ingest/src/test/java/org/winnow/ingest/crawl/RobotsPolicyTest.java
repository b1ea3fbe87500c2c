package org.winnow.ingest.crawl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** robots.txt answers turned into rules: failure is data, as crawler-commons has it. */
class RobotsPolicyTest {
  private static final String URL = "http://example.com/robots.txt";

  private static FetchResult answer(int status, String body) {
    byte[] b = body.getBytes(StandardCharsets.UTF_8);
    return new FetchResult(URL, List.of(), status, "", List.of(Map.entry("Content-Type",
        "text/plain")), b, b, Optional.empty(), Instant.now(), Optional.empty(), "");
  }

  @Test
  void okIsParsedForOurAgent() {
    RobotsPolicy p = RobotsPolicy.from(answer(200, "User-agent: winnow-crawler\nDisallow: /a\n"
        + "Crawl-delay: 2\n\nUser-agent: *\nDisallow: /\n"), "winnow-crawler");
    assertFalse(p.allowed("http://example.com/a/1"));
    assertTrue(p.allowed("http://example.com/b"));
    assertEquals(Duration.ofSeconds(2), p.crawlDelay());
    assertFalse(p.deferred());
  }

  @Test
  void clientErrorsAllowEverythingAndServerErrorsDefer() {
    RobotsPolicy missing = RobotsPolicy.from(answer(404, ""), "winnow-crawler");
    assertTrue(missing.allowed("http://example.com/anything"));
    assertFalse(missing.deferred());
    assertTrue(RobotsPolicy.from(answer(503, ""), "winnow-crawler").deferred());
    RobotsPolicy unreachable = RobotsPolicy.from(FetchResult.failed(URL, List.of(), 0,
        Instant.now(), CrawlReason.TIMEOUT, "timed out"), "winnow-crawler");
    assertTrue(unreachable.deferred());
    assertTrue(unreachable.refusal().isEmpty());
    RobotsPolicy refused = RobotsPolicy.from(FetchResult.failed(URL, List.of(), 0,
        Instant.now(), CrawlReason.PRIVATE_ADDRESS, "loopback"), "winnow-crawler");
    assertTrue(refused.refusal().isPresent());
  }
}
