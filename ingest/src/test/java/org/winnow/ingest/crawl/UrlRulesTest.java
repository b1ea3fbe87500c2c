package org.winnow.ingest.crawl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** URL normalisation, scope, trap rules and Retry-After, as plain functions. */
class UrlRulesTest {

  @Test
  void normalisationDropsFragmentsDefaultPortsSessionIdsAndSortsTheQuery() {
    assertEquals(Optional.of("http://example.com/a?a=1&b=2"),
        UrlNormalizer.normalize("HTTP://Example.COM:80/a?b=2&a=1#top"));
    assertEquals(Optional.of("https://example.com/x?id=3"),
        UrlNormalizer.normalize("https://example.com:443/x?PHPSESSID=abc&id=3"));
    assertEquals(Optional.of("https://example.com/x"),
        UrlNormalizer.normalize("https://example.com/x;jsessionid=0123ABC"));
    assertEquals(Optional.of("http://example.com/b/c"),
        UrlNormalizer.normalize("http://example.com/a/../b/./c"));
    assertEquals(Optional.empty(), UrlNormalizer.normalize("mailto:someone@example.com"));
    assertEquals(Optional.empty(), UrlNormalizer.normalize("javascript:void(0)"));
  }

  @Test
  void scopeKeepsTheSeedsRegisteredDomainsAndAppliesPatterns() {
    CrawlScope same = CrawlScope.sameDomainAs(List.of("https://www.bbc.co.uk/news"));
    assertEquals(Optional.empty(), same.check("https://sport.bbc.co.uk/x"));
    assertTrue(same.check("https://example.co.uk/x").isPresent());
    assertTrue(same.check("ftp://www.bbc.co.uk/x").isPresent());
    CrawlScope denied = new CrawlScope(CrawlScope.Mode.SAME_DOMAIN, Set.of("bbc.co.uk"),
        List.of(), List.of(Pattern.compile("/login")));
    assertTrue(denied.check("https://www.bbc.co.uk/login?next=/").isPresent());
    CrawlScope allow = new CrawlScope(CrawlScope.Mode.ALLOWLIST, Set.of(),
        List.of(Pattern.compile("^https://docs\\.")), List.of());
    assertEquals(Optional.empty(), allow.check("https://docs.python.org/3/"));
    assertTrue(allow.check("https://python.org/").isPresent());
    assertEquals(CrawlScope.Mode.ALLOWLIST, CrawlScope.Mode.parse("allowlist"));
  }

  @Test
  void trapRulesCatchLongDeepAndRepeatingUrls() {
    TrapRules rules = new TrapRules(100, 5, 2, 10, 100);
    assertEquals(Optional.empty(), rules.check("http://h/a/b/c?x=1"));
    assertTrue(rules.check("http://h/" + "x".repeat(100)).isPresent());
    assertTrue(rules.check("http://h/1/2/3/4/5/6").isPresent());
    assertTrue(rules.check("http://h/a/b/a/b/a").isPresent());
    assertEquals(TrapRules.shape("http://h/calendar/2026/01"),
        TrapRules.shape("http://h/calendar/1999/12"));
    assertEquals("http://h/p?page=#", TrapRules.shape("http://h/p?page=42"));
  }

  @Test
  void retryAfterReadsSecondsAndDates() {
    Instant now = Instant.parse("2026-11-23T12:00:00Z");
    assertEquals(Optional.of(Duration.ofSeconds(120)), RetryAfter.parse("120", now));
    assertEquals(Optional.of(Duration.ofSeconds(30)),
        RetryAfter.parse("Mon, 23 Nov 2026 12:00:30 GMT", now));
    assertEquals(Optional.empty(), RetryAfter.parse("soon", now));
  }

  @Test
  void hostDelayIsTheLargerOfMinimumAndCappedCrawlDelay() {
    CrawlConfig c = CrawlConfig.defaults().withDelays(Duration.ofMillis(500), Duration.ofSeconds(2));
    assertEquals(Duration.ofMillis(500), c.hostDelay(Duration.ZERO));
    assertEquals(Duration.ofSeconds(1), c.hostDelay(Duration.ofSeconds(1)));
    assertEquals(Duration.ofSeconds(2), c.hostDelay(Duration.ofSeconds(60)));
  }
}
