package org.winnow.ingest.crawl;

import java.io.Serializable;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.winnow.ingest.url.RegisteredDomain;

/**
 * Which URLs the crawl may fetch. In {@link Mode#SAME_DOMAIN} (the default) a URL is in scope
 * when its registered domain is one of the seeds' and, if allow patterns are given, it matches
 * one; in {@link Mode#ALLOWLIST} it must match an allow pattern. A URL matching a deny pattern is
 * out either way, and only http and https are fetched.
 */
public record CrawlScope(Mode mode, Set<String> domains, List<Pattern> allow, List<Pattern> deny)
    implements Serializable {
  private static final long serialVersionUID = 1L;

  /** How a URL gets into scope. */
  public enum Mode {
    SAME_DOMAIN,
    ALLOWLIST;

    /** Parses {@code same-domain} or {@code allowlist}. */
    public static Mode parse(String s) {
      return switch (s.toLowerCase(Locale.ROOT)) {
        case "same-domain" -> SAME_DOMAIN;
        case "allowlist" -> ALLOWLIST;
        default -> throw new IllegalArgumentException(
            "unknown scope '" + s + "': choose same-domain or allowlist");
      };
    }
  }

  public CrawlScope {
    domains = Set.copyOf(domains);
    allow = List.copyOf(allow);
    deny = List.copyOf(deny);
    if (mode == Mode.ALLOWLIST && allow.isEmpty()) {
      throw new IllegalArgumentException("scope allowlist needs at least one allow pattern");
    }
  }

  /** Same registered domain as one of {@code seeds}, no allow or deny patterns. */
  public static CrawlScope sameDomainAs(List<String> seeds) {
    Set<String> domains = new java.util.HashSet<>();
    for (String s : seeds) {
      RegisteredDomain.of(s).ifPresent(domains::add);
    }
    return new CrawlScope(Mode.SAME_DOMAIN, domains, List.of(), List.of());
  }

  /** Why {@code url} is out of scope, or empty when it is in. */
  public Optional<String> check(String url) {
    String lower = url.toLowerCase(Locale.ROOT);
    if (!lower.startsWith("http://") && !lower.startsWith("https://")) {
      return Optional.of("not http(s)");
    }
    for (Pattern p : deny) {
      if (p.matcher(url).find()) {
        return Optional.of("matches deny pattern " + p.pattern());
      }
    }
    boolean allowed = allow.isEmpty() || allow.stream().anyMatch(p -> p.matcher(url).find());
    if (!allowed) {
      return Optional.of("matches no allow pattern");
    }
    if (mode == Mode.SAME_DOMAIN) {
      Optional<String> domain = RegisteredDomain.of(url);
      if (domain.isEmpty() || !domains.contains(domain.get())) {
        return Optional.of("domain " + domain.orElse("(none)") + " is not a seed's");
      }
    }
    return Optional.empty();
  }
}
