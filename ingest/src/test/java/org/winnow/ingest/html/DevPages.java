package org.winnow.ingest.html;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.zip.GZIPInputStream;

/**
 * The development pages of trafilatura's extraction benchmark ({@code shared/data/extraction-dev},
 * see its SOURCES.md): each page's HTML, decoded, and its "with" and "without" snippets. Shared by
 * the extraction quality test and the extraction benchmarks (through this module's test jar).
 */
public final class DevPages {
  /** Overrides where the data is looked for. */
  public static final String PROPERTY = "winnow.extraction.dev";

  /** One page and its annotations. */
  public record Page(String url, String file, String html, List<String> with,
      List<String> without) {}

  private DevPages() {}

  /**
   * The data folder: {@code -Dwinnow.extraction.dev=DIR}, else {@code shared/data/extraction-dev}
   * in the working directory or any directory above it; empty where it is not checked out.
   */
  public static Optional<Path> find() {
    String configured = System.getProperty(PROPERTY);
    if (configured != null) {
      return Optional.of(Path.of(configured));
    }
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      Path candidate = dir.resolve("shared").resolve("data").resolve("extraction-dev");
      if (Files.isRegularFile(candidate.resolve("evaldata-dev.json"))) {
        return Optional.of(candidate);
      }
    }
    return Optional.empty();
  }

  /** {@link #find}, or an error that says where the data was looked for. */
  public static Path locate() {
    return find().orElseThrow(() -> new IllegalStateException(
        "shared/data/extraction-dev not found above " + Path.of("").toAbsolutePath()
            + "; pass -D" + PROPERTY + "=DIR"));
  }

  public static List<Page> load(Path dir) {
    try {
      JsonNode items = new ObjectMapper().readTree(dir.resolve("evaldata-dev.json").toFile());
      List<Page> pages = new ArrayList<>();
      for (Iterator<Map.Entry<String, JsonNode>> it = items.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> entry = it.next();
        JsonNode item = entry.getValue();
        String file = item.get("file").asText();
        String html = decode(gunzip(dir.resolve("html").resolve(file + ".gz")));
        pages.add(new Page(entry.getKey(), file, html, strings(item.get("with")),
            strings(item.get("without"))));
      }
      return pages;
    } catch (IOException e) {
      throw new UncheckedIOException("reading " + dir, e);
    }
  }

  private static List<String> strings(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(node -> out.add(node.asText()));
    return out;
  }

  private static byte[] gunzip(Path file) throws IOException {
    try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
      return in.readAllBytes();
    }
  }

  /** UTF-8 when the bytes are valid UTF-8, else the declared charset, else windows-1252. */
  private static String decode(byte[] bytes) {
    try {
      return StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes))
          .toString();
    } catch (CharacterCodingException notUtf8) {
      return new String(bytes, declaredCharset(bytes));
    }
  }

  private static Charset declaredCharset(byte[] bytes) {
    String head = new String(bytes, 0, Math.min(bytes.length, 4096), StandardCharsets.ISO_8859_1)
        .toLowerCase(Locale.ROOT);
    int at = head.indexOf("charset=");
    if (at >= 0) {
      int start = at + "charset=".length();
      while (start < head.length() && (head.charAt(start) == '"' || head.charAt(start) == '\'')) {
        start++;
      }
      int end = start;
      while (end < head.length() && (Character.isLetterOrDigit(head.charAt(end))
          || head.charAt(end) == '-' || head.charAt(end) == '_')) {
        end++;
      }
      try {
        return Charset.forName(head.substring(start, end));
      } catch (IllegalArgumentException unknown) {
        // Fall through to the web's default for undeclared legacy pages.
      }
    }
    return Charset.forName("windows-1252");
  }
}
