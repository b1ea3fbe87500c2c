package org.winnow.ingest.crawl;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.function.Predicate;
import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.SystemDefaultDnsResolver;

/**
 * The SSRF check, placed where HttpClient resolves the host it is about to connect to: the
 * addresses returned here are the only ones it may connect to, so a name that resolves to a public
 * address when first looked at and to a private one at connect time is still refused. Internal
 * addresses are dropped from the answer; a host left with none fails with
 * {@link ForbiddenAddressException}.
 */
public final class GuardedDnsResolver implements DnsResolver {
  private final DnsResolver delegate;
  private final Predicate<InetAddress> refused;

  /** Refuses {@linkplain AddressPolicy#isInternal internal} addresses unless allowed. */
  public GuardedDnsResolver(boolean allowPrivate) {
    this(SystemDefaultDnsResolver.INSTANCE,
        allowPrivate ? a -> false : AddressPolicy::isInternal);
  }

  /** @param refused the addresses never to connect to */
  public GuardedDnsResolver(DnsResolver delegate, Predicate<InetAddress> refused) {
    this.delegate = delegate;
    this.refused = refused;
  }

  @Override
  public InetAddress[] resolve(String host) throws UnknownHostException {
    InetAddress[] all = delegate.resolve(host);
    InetAddress[] allowed =
        Arrays.stream(all).filter(a -> !refused.test(a)).toArray(InetAddress[]::new);
    if (allowed.length == 0) {
      throw new ForbiddenAddressException(host + " resolves only to internal addresses "
          + Arrays.toString(all) + " (use --allow-private to crawl them)");
    }
    return allowed;
  }

  @Override
  public String resolveCanonicalHostname(String host) throws UnknownHostException {
    return delegate.resolveCanonicalHostname(host);
  }
}
