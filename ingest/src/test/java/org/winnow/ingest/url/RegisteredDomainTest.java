package org.winnow.ingest.url;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class RegisteredDomainTest {
  @Test
  void publicSuffixAware() {
    assertEquals(Optional.of("bbc.co.uk"), RegisteredDomain.of("https://www.bbc.co.uk/news"));
    assertEquals(Optional.of("wikipedia.org"),
        RegisteredDomain.of("https://an.wikipedia.org/wiki/Escopete"));
    assertEquals(Optional.of("psb556.com"),
        RegisteredDomain.of("http://035.psb556.com/24/i/u_1090813/article.html"));
    assertEquals(Optional.of("foo.blogspot.com"), RegisteredDomain.of("http://foo.blogspot.com/"),
        "private suffixes count: each blog is its own site");
  }

  @Test
  void hostsWithoutARegisteredDomainAreTheirOwn() {
    assertEquals(Optional.of("192.168.0.1"), RegisteredDomain.of("http://192.168.0.1:8080/x"));
    assertEquals(Optional.of("[::1]"), RegisteredDomain.of("http://[::1]:80/"));
    assertEquals(Optional.of("localhost"), RegisteredDomain.of("http://localhost/"));
    assertEquals(Optional.of("a.b.unknowntld"), RegisteredDomain.of("http://a.b.unknowntld/"));
  }

  @Test
  void lenientHostParsing() {
    assertEquals(Optional.of("www.example.com"),
        RegisteredDomain.host("HTTP://user:pw@WWW.Example.COM.:443/a b{c}?q#f"));
    assertEquals(Optional.of("example.com"), RegisteredDomain.host("http://example.com?x=1"));
    assertEquals(Optional.empty(), RegisteredDomain.host("dns:data.gov.uk"));
    assertEquals(Optional.empty(), RegisteredDomain.host("http:///path"));
    assertEquals(Optional.empty(), RegisteredDomain.of("urn:x:1"));
  }
}
