package org.winnow.ingest.crawl;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.zip.GZIPOutputStream;

/**
 * A generated web site served for real on a loopback address, with the traps a crawler meets:
 * robots.txt with a disallowed path and a crawl delay, a sitemap index pointing to a gzipped
 * sitemap, redirect chains and loops, a redirect into the disallowed path, one to another host
 * and one to 127.0.0.1, 404, 500, 429 with Retry-After, a page slower than any timeout, a gzip
 * bomb, a 20 MB page, an endless calendar, non-HTML files. Every request is logged with its
 * arrival time, which is what politeness is checked against.
 */
final class TestSite implements AutoCloseable {
  static {
    // The JDK server writes headers and body apart; without TCP_NODELAY each response waits for
    // the client's delayed ACK (about 40 ms on Linux). Read once, when the first server starts.
    System.setProperty("sun.net.httpserver.nodelay", "true");
  }

  /** One request as the server saw it. */
  record Hit(String path, long nanos) {}

  static final int PAGES = 5;
  static final int CRAWL_DELAY_MS = 300;
  static final long HUGE_BYTES = 20L * 1024 * 1024;
  /** 64 MiB of zeros gzipped to about 64 KB: over any decoded-size limit the tests use. */
  private static final byte[] BOMB = gzip(new byte[64 * 1024 * 1024]);

  private final HttpServer server;
  private final ExecutorService pool = Executors.newFixedThreadPool(4);
  private final List<Hit> log = new CopyOnWriteArrayList<>();
  private final String otherOrigin;
  private final String loopbackOrigin;
  private volatile long slowMillis = 5_000;

  /**
   * @param address       the loopback address to bind, e.g. 127.0.0.2
   * @param otherOrigin   the origin the cross-host redirect points to
   * @param loopbackOrigin the origin of the redirect that must be refused without allow-private
   */
  TestSite(String address, String otherOrigin, String loopbackOrigin) throws IOException {
    this.otherOrigin = otherOrigin;
    this.loopbackOrigin = loopbackOrigin;
    server = HttpServer.create(new InetSocketAddress(InetAddress.getByName(address), 0), 64);
    server.createContext("/", this::handle);
    server.setExecutor(pool);
    server.start();
  }

  String origin() {
    return "http://" + server.getAddress().getAddress().getHostAddress() + ":"
        + server.getAddress().getPort();
  }

  String url(String path) {
    return origin() + path;
  }

  List<Hit> log() {
    return new ArrayList<>(log);
  }

  long hits(String path) {
    return log.stream().filter(h -> h.path().equals(path)).count();
  }

  @Override
  public void close() {
    server.stop(0);
    pool.shutdownNow();
  }

  private void handle(HttpExchange x) throws IOException {
    String path = x.getRequestURI().getRawPath()
        + (x.getRequestURI().getRawQuery() == null ? "" : "?" + x.getRequestURI().getRawQuery());
    log.add(new Hit(path, System.nanoTime()));
    try (x) {
      route(x, path);
    } catch (IOException e) {
      // The client hung up (a timeout, a size limit): nothing more to send.
    }
  }

  private void route(HttpExchange x, String path) throws IOException {
    switch (path) {
      case "/robots.txt" -> send(x, 200, "text/plain", "User-agent: *\nDisallow: /private/\n"
          + "Crawl-delay: " + (CRAWL_DELAY_MS / 1000.0) + "\n\nSitemap: " + url("/sitemap_index.xml") + "\n");
      case "/sitemap_index.xml" -> send(x, 200, "application/xml",
          "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
              + "<sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">"
              + "<sitemap><loc>" + url("/sitemap-pages.xml.gz") + "</loc></sitemap>"
              + "</sitemapindex>");
      case "/sitemap-pages.xml.gz" -> {
        StringBuilder b = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
            + "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">");
        for (int i = 1; i <= PAGES; i++) {
          b.append("<url><loc>").append(url("/page/" + i)).append("</loc></url>");
        }
        b.append("<url><loc>").append(url("/orphan")).append("</loc></url></urlset>");
        send(x, 200, "application/gzip", gzip(b.toString().getBytes(StandardCharsets.UTF_8)));
      }
      case "/" -> html(x, "Home", links("/page/1", "/private/secret", "/redirect/chain1",
          "/missing", "/doc.pdf", "/calendar/2026/01"));
      case "/orphan" -> html(x, "Orphan", "<p>Only the sitemap links here.</p>");
      case "/private/secret" -> html(x, "Secret", "<p>robots.txt forbids this.</p>");
      case "/redirect/chain1" -> redirect(x, 301, "/redirect/chain2");
      case "/redirect/chain2" -> redirect(x, 302, "/redirect/chain3");
      case "/redirect/chain3" -> redirect(x, 307, "/page/final");
      case "/page/final" -> html(x, "Final", "<p>The end of the chain.</p>");
      case "/redirect/loop1" -> redirect(x, 302, "/redirect/loop2");
      case "/redirect/loop2" -> redirect(x, 302, "/redirect/loop1");
      case "/redirect/to-private" -> redirect(x, 302, "/private/secret");
      case "/redirect/other-host" -> redirect(x, 301, otherOrigin + "/landing");
      case "/redirect/to-loopback" -> redirect(x, 302, loopbackOrigin + "/admin");
      case "/redirect/to-localhost" ->
          redirect(x, 302, loopbackOrigin.replace("127.0.0.1", "localhost") + "/admin");
      case "/missing" -> send(x, 404, "text/html", "<h1>Not found</h1>");
      case "/error" -> send(x, 500, "text/html", "<h1>Server error</h1>");
      case "/busy" -> {
        x.getResponseHeaders().add("Retry-After", "120");
        send(x, 429, "text/plain", "slow down");
      }
      case "/slow" -> {
        try {
          Thread.sleep(slowMillis);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        html(x, "Slow", "<p>Too late.</p>");
      }
      case "/bomb" -> {
        x.getResponseHeaders().add("Content-Encoding", "gzip");
        send(x, 200, "text/html", BOMB);
      }
      case "/huge" -> huge(x);
      case "/doc.pdf" -> send(x, 200, "application/pdf", "%PDF-1.4 not really".getBytes(StandardCharsets.US_ASCII));
      case "/image.png" -> send(x, 200, "image/png", new byte[] {(byte) 0x89, 'P', 'N', 'G'});
      case "/gzipped" -> {
        x.getResponseHeaders().add("Content-Encoding", "gzip");
        send(x, 200, "text/html; charset=utf-8", gzip(page("Gzipped",
            links("/page/1") + "<p>Compressed on the wire.</p>").getBytes(StandardCharsets.UTF_8)));
      }
      case "/base" -> send(x, 200, "text/html", "<html><head><base href=\"" + url("/sub/")
          + "\"><link rel=\"canonical\" href=\"/canonical\"></head><body>"
          + "<a href=\"rel\">relative</a> <a href=\"/never\" rel=\"nofollow\">no</a>"
          + "<a href=\"/page/2?b=2&a=1#frag\">q</a></body></html>");
      default -> {
        if (path.startsWith("/page/")) {
          int n = Integer.parseInt(path.substring(6));
          html(x, "Page " + n, links("/page/" + (n % PAGES + 1)) + "<p>Page number " + n + ".</p>");
        } else if (path.startsWith("/calendar/")) {
          calendar(x, path);
        } else if (path.startsWith("/hop/")) {
          int n = Integer.parseInt(path.substring(5));
          redirect(x, 302, "/hop/" + (n + 1));
        } else if (path.equals("/landing") || path.equals("/admin")) {
          html(x, "Landing", "<p>Another host.</p>");
        } else {
          send(x, 404, "text/html", "<h1>Not found</h1>");
        }
      }
    }
  }

  private void calendar(HttpExchange x, String path) throws IOException {
    String[] p = path.split("/");
    int year = Integer.parseInt(p[2]);
    int month = Integer.parseInt(p[3]);
    int nextYear = month == 12 ? year + 1 : year;
    int next = month == 12 ? 1 : month + 1;
    html(x, "Calendar", links(String.format("/calendar/%d/%02d", nextYear, next))
        + "<p>Events of " + year + "-" + month + ": none.</p>");
  }

  private void huge(HttpExchange x) throws IOException {
    x.getResponseHeaders().add("Content-Type", "text/html");
    x.sendResponseHeaders(200, 0); // chunked: no Content-Length to judge by
    byte[] chunk = "<p>filler filler filler filler filler filler filler</p>\n"
        .repeat(1000).getBytes(StandardCharsets.US_ASCII);
    try (OutputStream out = x.getResponseBody()) {
      for (long sent = 0; sent < HUGE_BYTES; sent += chunk.length) {
        out.write(chunk);
      }
    }
  }

  private static String links(String... paths) {
    StringBuilder b = new StringBuilder("<ul>");
    for (String p : paths) {
      b.append("<li><a href=\"").append(p).append("\">").append(p).append("</a></li>");
    }
    return b.append("</ul>").toString();
  }

  private static String page(String title, String body) {
    return "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>" + title
        + "</title></head><body><h1>" + title + "</h1>" + body + "</body></html>";
  }

  private static void html(HttpExchange x, String title, String body) throws IOException {
    send(x, 200, "text/html; charset=utf-8", page(title, body));
  }

  private void redirect(HttpExchange x, int status, String location) throws IOException {
    x.getResponseHeaders().add("Location", location);
    send(x, status, "text/html", "<a href=\"" + location + "\">moved</a>");
  }

  private static void send(HttpExchange x, int status, String type, String body) throws IOException {
    send(x, status, type, body.getBytes(StandardCharsets.UTF_8));
  }

  private static void send(HttpExchange x, int status, String type, byte[] body) throws IOException {
    x.getResponseHeaders().add("Content-Type", type);
    x.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
    if (body.length > 0) {
      try (OutputStream out = x.getResponseBody()) {
        out.write(body);
      }
    }
  }

  static byte[] gzip(byte[] data) {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    try (GZIPOutputStream g = new GZIPOutputStream(b)) {
      g.write(data);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return b.toByteArray();
  }
}
