package org.winnow.tokenizer.vocab;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;

/**
 * OpenAI's published rank files by encoding name, kept in a local cache directory: a user can
 * write {@code --tokenizer cl100k_base} instead of a path. A cached file is used when its SHA-256
 * is the published one; otherwise the file is fetched from the base URL (OpenAI's public
 * encodings store, or a mirror), checked against the same hash, and moved into place atomically,
 * so a half-written or tampered file is never used.
 *
 * <p>The cache directory is the system property {@code winnow.tokenizer.cache} or
 * {@code $WINNOW_TOKENIZER_CACHE}, else {@code ~/.cache/winnow/tokenizers}; the base URL is
 * {@code winnow.tokenizer.baseUrl} or {@code $WINNOW_TOKENIZER_BASE_URL}, else
 * {@link #PUBLIC_BASE_URL}. On a machine without internet, copy {@code <encoding>.tiktoken} into
 * the cache directory once.
 */
public final class RankFileCache {
  /** Where tiktoken itself downloads the rank files from. */
  public static final String PUBLIC_BASE_URL = "https://openaipublic.blob.core.windows.net/encodings/";
  private static final Duration TIMEOUT = Duration.ofSeconds(60);

  private final Path dir;
  private final String baseUrl;

  public RankFileCache(Path dir, String baseUrl) {
    this.dir = dir;
    this.baseUrl = baseUrl.endsWith("/") ? baseUrl : baseUrl + "/";
  }

  /** The cache the system properties or the environment name (see the class comment). */
  public static RankFileCache fromEnvironment() {
    String d = setting("winnow.tokenizer.cache", "WINNOW_TOKENIZER_CACHE");
    Path dir = d != null ? Path.of(d)
        : Path.of(System.getProperty("user.home"), ".cache", "winnow", "tokenizers");
    String url = setting("winnow.tokenizer.baseUrl", "WINNOW_TOKENIZER_BASE_URL");
    return new RankFileCache(dir, url != null ? url : PUBLIC_BASE_URL);
  }

  private static String setting(String property, String variable) {
    String v = System.getProperty(property);
    if (v == null || v.isBlank()) {
      v = System.getenv(variable);
    }
    return v == null || v.isBlank() ? null : v;
  }

  /** The cached rank file of {@code encoding}, fetched first when absent or not the published one. */
  public Path rankFile(TiktokenEncoding encoding) throws IOException {
    Path file = dir.resolve(encoding.rankFileName());
    if (Files.isRegularFile(file)
        && Sha256.of(Files.readAllBytes(file)).equals(encoding.rankFileSha256())) {
      return file;
    }
    URI uri = URI.create(baseUrl + encoding.rankFileName());
    byte[] body = fetch(uri, file);
    String sha = Sha256.of(body);
    if (!sha.equals(encoding.rankFileSha256())) {
      throw new IOException(uri + " is not the published " + encoding.encodingName()
          + " rank file: SHA-256 " + sha + ", expected " + encoding.rankFileSha256());
    }
    Files.createDirectories(dir);
    Path tmp = Files.createTempFile(dir, encoding.encodingName(), ".part");
    try {
      Files.write(tmp, body);
      try {
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      Files.deleteIfExists(tmp);
    }
    return file;
  }

  private static byte[] fetch(URI uri, Path cached) throws IOException {
    HttpClient client = HttpClient.newBuilder().connectTimeout(TIMEOUT)
        .followRedirects(HttpClient.Redirect.NORMAL).build();
    HttpRequest request = HttpRequest.newBuilder(uri).timeout(TIMEOUT).GET().build();
    HttpResponse<byte[]> response;
    try {
      response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException e) {
      throw new IOException("cannot fetch " + uri + " (" + e + "); without network access, put "
          + "the rank file at " + cached, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while fetching " + uri);
    }
    if (response.statusCode() != 200) {
      throw new IOException("cannot fetch " + uri + ": HTTP " + response.statusCode()
          + "; put the rank file at " + cached);
    }
    return response.body();
  }
}
