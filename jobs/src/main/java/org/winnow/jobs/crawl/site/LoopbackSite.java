package org.winnow.jobs.crawl.site;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A static web site served on loopback addresses, one HTTP server per host (127.0.0.2,
 * 127.0.0.3, ...; Linux routes all of 127/8 to loopback), each with a robots.txt (crawl delay,
 * disallowed prefixes, a Sitemap line), a {@code /sitemap.xml} listing its pages, and the pages
 * given. It is what the quick start crawls, and what tests and benchmarks crawl. Every request is
 * logged with its host and arrival time.
 */
public final class LoopbackSite implements AutoCloseable {
  static {
    // The JDK server writes headers and body apart; without TCP_NODELAY each response waits for
    // the client's delayed ACK (about 40 ms on Linux). Read once, when the first server starts.
    System.setProperty("sun.net.httpserver.nodelay", "true");
  }

  /** A page: its path (starting with /), content type and body. */
  public record Page(String path, String contentType, byte[] body) {
    public Page {
      if (!path.startsWith("/")) {
        throw new IllegalArgumentException("page path must start with /, got " + path);
      }
    }

    public static Page html(String path, String html) {
      return new Page(path, "text/html; charset=utf-8", html.getBytes(StandardCharsets.UTF_8));
    }
  }

  /** One request as a server saw it. */
  public record Hit(String origin, String path, long nanos) {}

  private final List<HttpServer> servers = new ArrayList<>();
  private final List<String> origins = new ArrayList<>();
  private final ConcurrentLinkedQueue<Hit> log = new ConcurrentLinkedQueue<>();
  private final ExecutorService pool;

  private LoopbackSite(Map<String, List<Page>> hosts, Duration crawlDelay, List<String> disallow,
      int port, int threadsPerHost) throws IOException {
    pool = Executors.newFixedThreadPool(Math.max(2, hosts.size() * threadsPerHost), r -> {
      Thread t = new Thread(r, "loopback-site");
      t.setDaemon(true);
      return t;
    });
    try {
      for (Map.Entry<String, List<Page>> h : hosts.entrySet()) {
        HttpServer server = HttpServer.create(
            new InetSocketAddress(InetAddress.getByName(h.getKey()), port), 128);
        String origin = "http://" + h.getKey() + ":" + server.getAddress().getPort();
        Map<String, Page> pages = new LinkedHashMap<>();
        for (Page p : h.getValue()) {
          pages.put(p.path(), p);
        }
        pages.putIfAbsent("/robots.txt", robots(origin, crawlDelay, disallow));
        pages.putIfAbsent("/sitemap.xml", sitemap(origin, h.getValue()));
        pages.putIfAbsent("/", index(h.getValue()));
        server.createContext("/", x -> serve(x, origin, pages));
        server.setExecutor(pool);
        server.start();
        servers.add(server);
        origins.add(origin);
      }
    } catch (IOException | RuntimeException e) {
      close();
      throw e;
    }
  }

  /**
   * Starts one server per entry of {@code hosts} (loopback address to pages).
   *
   * @param crawlDelay the Crawl-delay robots.txt asks for (zero: none)
   * @param disallow   path prefixes robots.txt disallows
   */
  public static LoopbackSite start(Map<String, List<Page>> hosts, Duration crawlDelay,
      List<String> disallow) throws IOException {
    return new LoopbackSite(hosts, crawlDelay, disallow, 0, 2);
  }

  /**
   * Like {@link #start(Map, Duration, List)}, every host on the same {@code port}, so that pages
   * can link across hosts before the site starts ({@code http://127.0.0.3:PORT/...}).
   */
  public static LoopbackSite start(Map<String, List<Page>> hosts, Duration crawlDelay,
      List<String> disallow, int port) throws IOException {
    return new LoopbackSite(hosts, crawlDelay, disallow, port, 2);
  }

  /** A port free on every one of {@code addresses} just now. */
  public static int freePort(List<String> addresses) throws IOException {
    for (int tries = 0; tries < 50; tries++) {
      int port;
      try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1,
          InetAddress.getByName(addresses.get(0)))) {
        port = s.getLocalPort();
      }
      boolean free = true;
      for (String a : addresses) {
        try (java.net.ServerSocket s = new java.net.ServerSocket(port, 1, InetAddress.getByName(a))) {
          s.getLocalPort();
        } catch (IOException e) {
          free = false;
          break;
        }
      }
      if (free) {
        return port;
      }
    }
    throw new IOException("no port free on all of " + addresses);
  }

  /** The origins served, {@code http://127.0.0.N:PORT}, in the order the hosts were given. */
  public List<String> origins() {
    return List.copyOf(origins);
  }

  /** One seed per host: its home page. */
  public List<String> seeds() {
    return origins.stream().map(o -> o + "/").toList();
  }

  public List<Hit> requests() {
    return new ArrayList<>(log);
  }

  @Override
  public void close() {
    for (HttpServer s : servers) {
      s.stop(0);
    }
    pool.shutdownNow();
  }

  private void serve(HttpExchange x, String origin, Map<String, Page> pages) throws IOException {
    String path = x.getRequestURI().getRawPath();
    String query = x.getRequestURI().getRawQuery();
    log.add(new Hit(origin, query == null ? path : path + "?" + query, System.nanoTime()));
    try (x) {
      Page p = pages.get(query == null ? path : path + "?" + query);
      if (p == null) {
        byte[] body = "<h1>Not found</h1>".getBytes(StandardCharsets.UTF_8);
        x.getResponseHeaders().add("Content-Type", "text/html");
        x.sendResponseHeaders(404, body.length);
        try (OutputStream out = x.getResponseBody()) {
          out.write(body);
        }
        return;
      }
      x.getResponseHeaders().add("Content-Type", p.contentType());
      x.sendResponseHeaders(200, p.body().length == 0 ? -1 : p.body().length);
      if (p.body().length > 0) {
        try (OutputStream out = x.getResponseBody()) {
          out.write(p.body());
        }
      }
    } catch (IOException e) {
      // The client hung up; nothing more to send.
    }
  }

  private static Page robots(String origin, Duration crawlDelay, List<String> disallow) {
    StringBuilder b = new StringBuilder("User-agent: *\n");
    for (String d : disallow) {
      b.append("Disallow: ").append(d).append('\n');
    }
    if (!crawlDelay.isZero()) {
      b.append("Crawl-delay: ").append(crawlDelay.toMillis() / 1000.0).append('\n');
    }
    b.append("\nSitemap: ").append(origin).append("/sitemap.xml\n");
    return new Page("/robots.txt", "text/plain",
        b.toString().getBytes(StandardCharsets.UTF_8));
  }

  private static Page sitemap(String origin, List<Page> pages) {
    StringBuilder b = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        + "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
    for (Page p : pages) {
      b.append("<url><loc>").append(escape(origin + p.path())).append("</loc></url>\n");
    }
    b.append("</urlset>\n");
    return new Page("/sitemap.xml", "application/xml",
        b.toString().getBytes(StandardCharsets.UTF_8));
  }

  private static Page index(List<Page> pages) {
    StringBuilder b = new StringBuilder("<!DOCTYPE html><html><head><meta charset=\"utf-8\">"
        + "<title>Index</title></head><body><ul>");
    for (Page p : pages) {
      b.append("<li><a href=\"").append(escape(p.path())).append("\">")
          .append(escape(p.path())).append("</a></li>");
    }
    return Page.html("/", b.append("</ul></body></html>").toString());
  }

  private static String escape(String s) {
    return Objects.requireNonNull(s).replace("&", "&amp;").replace("<", "&lt;")
        .replace("\"", "&quot;");
  }
}
