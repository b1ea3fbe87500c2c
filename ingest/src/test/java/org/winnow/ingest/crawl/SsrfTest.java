package org.winnow.ingest.crawl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import org.apache.hc.client5.http.DnsResolver;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The crawler refuses internal addresses after name resolution and on every redirect hop. A
 * loopback server stands in for a public site by refusing only 127.0.0.1 (the address the
 * redirects point to); with the default policy the loopback site itself is refused.
 */
class SsrfTest {
  static TestSite inner;
  static TestSite site;

  @BeforeAll
  static void start() throws Exception {
    inner = new TestSite("127.0.0.1", "http://127.0.0.1:1", "http://127.0.0.1:1");
    site = new TestSite("127.0.0.2", "http://127.0.0.3:1", inner.origin());
  }

  @AfterAll
  static void stop() {
    site.close();
    inner.close();
  }

  private static List<CrawlOutcome> crawl(CrawlConfig config, Predicate<InetAddress> refused,
      String... paths) throws Exception {
    CrawlScope scope = CrawlScope.sameDomainAs(
        List.of(site.origin() + "/", inner.origin() + "/", "http://localhost/"));
    List<CrawlOutcome> out = new ArrayList<>();
    try (PageFetcher fetcher = new PageFetcher(config, 1, refused)) {
      List<FrontierEntry> due = new ArrayList<>();
      for (String p : paths) {
        due.add(new FrontierEntry(site.url(p), 0, 0));
      }
      new HostCrawler(config, scope, fetcher, new RobotsCache(Duration.ZERO))
          .crawl(site.origin(), due, (o, responses) -> {
            if (o.kind() != CrawlOutcome.Kind.SITEMAP) {
              out.add(o);
            }
          });
    }
    return out;
  }

  private static CrawlConfig fast() {
    return CrawlConfig.defaults().withDelays(Duration.ZERO, Duration.ZERO)
        .withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(2))
        .withRetries(0, Duration.ZERO);
  }

  @Test
  void redirectsToLoopbackAreRefusedByAddressAndByName() throws Exception {
    Predicate<InetAddress> onlyLocalhost = a -> a.getHostAddress().equals("127.0.0.1");
    long before = inner.log().size();
    List<CrawlOutcome> out = crawl(fast(), onlyLocalhost,
        "/redirect/to-loopback", "/redirect/to-localhost", "/page/1");
    assertEquals(Optional.of(CrawlReason.PRIVATE_ADDRESS), out.get(0).reason(), out.get(0).detail());
    assertEquals(Optional.of(CrawlReason.PRIVATE_ADDRESS), out.get(1).reason(), out.get(1).detail());
    assertTrue(out.get(1).detail().contains("localhost"), out.get(1).detail());
    assertEquals(CrawlOutcome.Kind.FETCHED, out.get(2).kind(), "the stand-in public site is fetched");
    assertEquals(before, inner.log().size(), "nothing reached the inner server");
  }

  @Test
  void withoutAllowPrivateALoopbackSiteIsRefusedBeforeAnyRequest() throws Exception {
    CrawlConfig config = fast().withAllowPrivate(false);
    long before = site.log().size();
    List<CrawlOutcome> out = crawl(config, AddressPolicy::isInternal, "/", "/redirect/to-loopback");
    for (CrawlOutcome o : out) {
      assertEquals(Optional.of(CrawlReason.PRIVATE_ADDRESS), o.reason(), o.detail());
    }
    assertEquals(before, site.log().size());
  }

  @Test
  void aPublicNameThatResolvesInwardIsRefusedAtConnectTime() throws Exception {
    InetAddress loopback = InetAddress.getByName("127.0.0.1");
    InetAddress open = InetAddress.getByAddress(new byte[] {93, (byte) 184, (byte) 216, 34});
    DnsResolver rebinding = new DnsResolver() {
      @Override
      public InetAddress[] resolve(String host) {
        return host.equals("inward.example") ? new InetAddress[] {loopback}
            : new InetAddress[] {loopback, open};
      }

      @Override
      public String resolveCanonicalHostname(String host) {
        return host;
      }
    };
    GuardedDnsResolver guard = new GuardedDnsResolver(rebinding, AddressPolicy::isInternal);
    UnknownHostException e =
        assertThrows(ForbiddenAddressException.class, () -> guard.resolve("inward.example"));
    assertTrue(e.getMessage().contains("127.0.0.1"), e.getMessage());
    assertEquals(List.of(open), List.of(guard.resolve("mixed.example")));
  }

  @Test
  void internalRangesAreRecognised() throws Exception {
    for (String a : List.of("127.0.0.1", "10.1.2.3", "172.16.0.1", "192.168.1.1", "169.254.169.254",
        "224.0.0.1", "0.0.0.0", "100.64.0.1", "::1", "fe80::1", "fd00::1", "ff02::1")) {
      assertTrue(AddressPolicy.isInternal(InetAddress.getByName(a)), a);
    }
    for (String a : List.of("93.184.216.34", "8.8.8.8", "2606:4700::1111", "100.128.0.1")) {
      assertEquals(false, AddressPolicy.isInternal(InetAddress.getByName(a)), a);
    }
  }
}
