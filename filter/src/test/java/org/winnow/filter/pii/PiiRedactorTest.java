package org.winnow.filter.pii;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PiiRedactorTest {
  private final PiiRedactor all = new PiiRedactor(PiiScanner.all());

  private String redact(String text) {
    return all.redact(text).text();
  }

  @Test
  void emailAddresses() {
    assertEquals("Write to <EMAIL> or <EMAIL>.",
        redact("Write to jane.doe+news@example.co.uk or x_y@mail-server.org."));
    assertEquals("(<EMAIL>)", redact("(admin@sub.example.com)"));
    // Not addresses: no dot in the domain, one-letter TLD, digits in the TLD, nothing before '@'.
    for (String s : List.of("user@localhost", "a@b.c", "a@b.c0m", "@example.com", "me@ now",
        "foo@.com", "@@@")) {
      assertEquals(s, redact(s), s);
    }
  }

  @Test
  void publicIpv4Only() {
    assertEquals("from <IPV4> and <IPV4>:8080", redact("from 8.8.8.8 and 93.184.216.34:8080"));
    for (String s : List.of("10.0.0.1", "192.168.1.20", "172.16.5.4", "127.0.0.1", "169.254.1.1",
        "100.64.0.1", "192.0.2.55", "198.51.100.7", "203.0.113.9", "224.0.0.1", "255.255.255.255",
        "0.0.0.0", "198.18.0.1")) {
      assertEquals(s, redact(s), s + " is not public");
    }
    // Not addresses at all.
    for (String s : List.of("1.2.3", "256.1.1.1", "1.2.3.4.5", "01.2.3.4", "v1.2.3.4", "1.2.3.4a")) {
      assertEquals(s, redact(s), s);
    }
  }

  @Test
  void publicIpv6Only() {
    assertEquals("dns <IPV6> and <IPV6>.",
        redact("dns 2001:4860:4860::8888 and 2a00:1450:4001:81b::200e."));
    assertEquals("<IPV6>", redact("2606:4700:0:0:0:0:0:1111"));
    assertEquals("<IPV6>", redact("::ffff:8.8.4.4"));
    for (String s : List.of("::1", "fe80::1", "fd12:3456::1", "ff02::1", "2001:db8::1",
        "::ffff:10.0.0.1", "3fff::1", "::")) {
      assertEquals(s, redact(s), s + " is not public");
    }
    for (String s : List.of("12:30:45", "00:1A:2B:3C:4D:5E", "std::vector", "2001:4860::8888::1",
        "a:b:c", "2001:4860:4860:0:0:0:0:8888:1")) {
      assertEquals(s, redact(s), s);
    }
  }

  @Test
  void phoneNumbers() {
    assertEquals("Call <PHONE> or <PHONE>.", redact("Call +1 (555) 123-4567 or 555.123.4567."));
    assertEquals("Tel: <PHONE>", redact("Tel: +49 30 1234567"));
    assertEquals("<PHONE>", redact("06 12 34 56 78"));
    assertEquals("<PHONE>", redact("(020) 7946 0958"));
    for (String s : List.of("1234567890", "2020-01-01 12:30", "1 000 000 000", "call 555-1234",
        "ISBN 978-3-16-148410-0", "pages 123-456", "1995 1996 1997 1998")) {
      assertEquals(s, redact(s), s);
    }
  }

  @Test
  void luhnValidCardNumbers() {
    assertEquals("card <CARD> ok", redact("card 4111 1111 1111 1111 ok"));
    assertEquals("<CARD>", redact("4111-1111-1111-1111"));
    assertEquals("<CARD>", redact("378282246310005")); // American Express test number
    assertEquals("<CARD>", redact("5555555555554444"));
    // Luhn fails, mixed separators, too long, wrong first digit.
    for (String s : List.of("4111 1111 1111 1112", "4111-1111 1111-1111", "41111111111111111111",
        "9111111111111111")) {
      assertEquals(s, redact(s), s);
    }
  }

  @Test
  void countsPerTypeAndPriority() {
    Redaction r = all.redact("mail bob.5551234567@example.com, call +44 20 7946 0958, "
        + "server 8.8.8.8, pay 4111111111111111, again bob@example.com");
    assertEquals(Map.of("pii_email", 2, "pii_phone", 1, "pii_ipv4", 1, "pii_card", 1),
        r.counts());
    assertTrue(r.text().contains("mail <EMAIL>,"), r.text());
  }

  @Test
  void cleanTextIsReturnedAsIs() {
    String text = "Nothing personal here, version 2.0 of the 3 rules.";
    Redaction r = all.redact(text);
    assertFalse(r.changed());
    assertSame(text, r.text());
  }

  @Test
  void onlyConfiguredScannersRun() {
    PiiRedactor emailOnly = new PiiRedactor(List.of(new EmailScanner()));
    assertEquals("<EMAIL> 8.8.8.8", emailOnly.redact("a@b.com 8.8.8.8").text());
  }
}
