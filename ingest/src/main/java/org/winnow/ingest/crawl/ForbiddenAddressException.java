package org.winnow.ingest.crawl;

import java.net.UnknownHostException;

/**
 * A host resolved only to addresses the crawler refuses. It is an {@link UnknownHostException}
 * so that HttpClient passes it up from its {@code DnsResolver} unchanged.
 */
public final class ForbiddenAddressException extends UnknownHostException {
  private static final long serialVersionUID = 1L;

  public ForbiddenAddressException(String message) {
    super(message);
  }
}
