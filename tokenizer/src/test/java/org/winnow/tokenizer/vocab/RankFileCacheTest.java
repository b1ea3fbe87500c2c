package org.winnow.tokenizer.vocab;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.winnow.tokenizer.Tokenizer;
import org.winnow.tokenizer.Tokenizers;

/**
 * Named encodings fetched over HTTP from a loopback server that serves the rank files jtokkit
 * ships (the published files: their hashes are tiktoken's), cached, and checked.
 */
class RankFileCacheTest {
  @TempDir Path tmp;
  private HttpServer server;
  private final AtomicInteger requests = new AtomicInteger();
  private volatile byte[] served;

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/encodings/", exchange -> {
      requests.incrementAndGet();
      String name = exchange.getRequestURI().getPath().substring("/encodings/".length());
      byte[] body = served != null ? served : jtokkitResource(name);
      if (body == null) {
        exchange.sendResponseHeaders(404, -1);
      } else {
        exchange.sendResponseHeaders(200, body.length);
        exchange.getResponseBody().write(body);
      }
      exchange.close();
    });
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  private String baseUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/encodings/";
  }

  private static byte[] jtokkitResource(String name) throws IOException {
    try (InputStream in = RankFileCacheTest.class.getResourceAsStream("/com/knuddels/jtokkit/" + name)) {
      return in == null ? null : in.readAllBytes();
    }
  }

  @Test
  void everyPublishedHashMatchesTheFileJtokkitShips() throws IOException {
    for (TiktokenEncoding e : TiktokenEncoding.values()) {
      byte[] file = jtokkitResource(e.rankFileName());
      assertEquals(e.rankFileSha256(), Sha256.of(file), e.encodingName());
    }
  }

  @Test
  void fetchesOnceThenUsesTheCache() throws IOException {
    RankFileCache cache = new RankFileCache(tmp.resolve("cache"), baseUrl());
    Path file = cache.rankFile(TiktokenEncoding.R50K_BASE);
    assertEquals(tmp.resolve("cache").resolve("r50k_base.tiktoken"), file);
    assertEquals(1, requests.get());
    assertEquals(file, cache.rankFile(TiktokenEncoding.R50K_BASE));
    assertEquals(1, requests.get(), "a good cached file is not fetched again");
    Tokenizer t = Tokenizers.open(file);
    assertEquals("hello world", t.decode(t.encode("hello world")));
    assertArrayEquals(new int[] {31373, 995}, t.encode("hello world"));
  }

  @Test
  void aDamagedCachedFileIsFetchedAgain() throws IOException {
    Path dir = Files.createDirectories(tmp.resolve("cache"));
    Files.writeString(dir.resolve("r50k_base.tiktoken"), "IQ== 0\n");
    Path file = new RankFileCache(dir, baseUrl()).rankFile(TiktokenEncoding.R50K_BASE);
    assertEquals(1, requests.get());
    assertEquals(TiktokenEncoding.R50K_BASE.rankFileSha256(), Sha256.of(Files.readAllBytes(file)));
  }

  @Test
  void aServedFileWithTheWrongHashIsRefusedAndNotCached() {
    served = "IQ== 0\n".getBytes(StandardCharsets.US_ASCII);
    RankFileCache cache = new RankFileCache(tmp.resolve("cache"), baseUrl());
    IOException e = assertThrows(IOException.class, () -> cache.rankFile(TiktokenEncoding.CL100K_BASE));
    assertTrue(e.getMessage().contains("not the published cl100k_base rank file"), e.getMessage());
    assertTrue(!Files.exists(tmp.resolve("cache").resolve("cl100k_base.tiktoken")));
  }

  @Test
  void noServerNamesTheFileToPutInPlace() throws IOException {
    int port;
    try (var s = new java.net.ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = s.getLocalPort();
    }
    RankFileCache cache = new RankFileCache(tmp.resolve("c"), "http://127.0.0.1:" + port + "/");
    IOException e = assertThrows(IOException.class, () -> cache.rankFile(TiktokenEncoding.O200K_BASE));
    assertTrue(e.getMessage().contains("put the rank file at " + tmp.resolve("c")
        .resolve("o200k_base.tiktoken")), e.getMessage());
  }
}
