package org.winnow.bench.filter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.winnow.core.Document;

/**
 * The benchmark documents written once as JSON lines ({@code bench/target/filter-docs-*.jsonl}),
 * so that each JMH fork reads them in a second instead of running ingest and language
 * identification again.
 */
final class DocumentCache {
  private static final ObjectMapper JSON = new ObjectMapper();

  private DocumentCache() {}

  static Path file(String corpus) {
    return Path.of("bench", "target", "filter-docs-" + corpus + ".jsonl");
  }

  static void write(String corpus, List<Document> docs) {
    Path file = file(corpus);
    try {
      Files.createDirectories(file.getParent());
      try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
        for (Document d : docs) {
          ObjectNode o = JSON.createObjectNode();
          o.put("id", d.id());
          o.put("url", d.url());
          o.put("source", d.source());
          o.put("warc_file", d.warcFile());
          o.put("lang", d.lang());
          o.put("lang_score", d.langScore());
          o.put("text", d.text());
          w.write(JSON.writeValueAsString(o));
          w.write('\n');
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("writing " + file, e);
    }
  }

  /** The cached documents, or those built afresh (and cached) when there is no cache yet. */
  static List<Document> read(String corpus) {
    Path file = file(corpus);
    if (!Files.isRegularFile(file)) {
      FilterDocuments docs = new FilterDocuments();
      write(corpus, corpus.equals("web") ? docs.webPages() : docs.europarl());
    }
    List<Document> out = new ArrayList<>();
    try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      String line;
      while ((line = r.readLine()) != null) {
        JsonNode o = JSON.readTree(line);
        out.add(new Document(o.get("id").asText(), o.get("url").asText(), o.get("source").asText(),
            o.get("source").asText(), Instant.EPOCH, o.get("lang").asText(),
            o.get("lang_score").asDouble(), "", o.get("text").asText(),
            o.get("warc_file").asText(), 0, 0));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("reading " + file, e);
    }
    return out;
  }
}
