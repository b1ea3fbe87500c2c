package org.winnow.ingest.crawl;

import java.net.Inet6Address;
import java.net.InetAddress;

/**
 * Which resolved addresses the crawler may connect to. By default it refuses every address a
 * public crawler has no business reaching: loopback, private (RFC 1918, IPv6 unique local),
 * link-local (cloud metadata services live there), multicast, the unspecified address, and the
 * shared carrier-grade NAT range.
 */
public final class AddressPolicy {
  private AddressPolicy() {}

  /** Whether a crawler that refuses private addresses must refuse {@code address}. */
  public static boolean isInternal(InetAddress address) {
    if (address.isLoopbackAddress() || address.isSiteLocalAddress()
        || address.isLinkLocalAddress() || address.isMulticastAddress()
        || address.isAnyLocalAddress()) {
      return true;
    }
    byte[] b = address.getAddress();
    if (address instanceof Inet6Address) {
      // fc00::/7 unique local; ::ffff:a.b.c.d mapped IPv4 is checked as the IPv4 address.
      if ((b[0] & 0xfe) == 0xfc) {
        return true;
      }
      return false;
    }
    int first = b[0] & 0xff;
    int second = b[1] & 0xff;
    // 100.64.0.0/10 carrier-grade NAT, 0.0.0.0/8 "this network", 240.0.0.0/4 reserved.
    return (first == 100 && second >= 64 && second < 128) || first == 0 || first >= 240;
  }
}
