package org.winnow.loader.manifest;

import static org.winnow.loader.json.JsonObject.longValue;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import java.io.IOException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.winnow.loader.json.JsonObject;

/** One split of a shard set: totals, its shard files in order, and totals per source. */
public record SplitSummary(long documents, long tokens, List<ShardSummary> shards,
    Map<String, SourceTotals> sources) {

  public SplitSummary {
    shards = shards == null ? List.of() : List.copyOf(shards);
    sources = sources == null ? Map.of()
        : Collections.unmodifiableMap(new LinkedHashMap<>(sources));
  }

  static SplitSummary read(JsonParser p) throws IOException {
    long[] v = new long[2];
    Object[] parts = {List.of(), Map.of()};
    Set<String> seen = JsonObject.read(p, "split", (k, q) -> {
      switch (k) {
        case "documents":
          v[0] = longValue(q);
          return true;
        case "tokens":
          v[1] = longValue(q);
          return true;
        case "shards":
          parts[0] = JsonObject.list(q, "shards", ShardSummary::read);
          return true;
        case "sources":
          parts[1] = JsonObject.map(q, "sources", SourceTotals::read);
          return true;
        default:
          return false;
      }
    });
    JsonObject.require(seen, "split", "documents", "tokens", "shards");
    @SuppressWarnings("unchecked")
    List<ShardSummary> shards = (List<ShardSummary>) parts[0];
    @SuppressWarnings("unchecked")
    Map<String, SourceTotals> sources = (Map<String, SourceTotals>) parts[1];
    return new SplitSummary(v[0], v[1], shards, sources);
  }

  void write(JsonGenerator g) throws IOException {
    g.writeStartObject();
    g.writeNumberField("documents", documents);
    g.writeNumberField("tokens", tokens);
    g.writeArrayFieldStart("shards");
    for (ShardSummary s : shards) {
      s.write(g);
    }
    g.writeEndArray();
    g.writeObjectFieldStart("sources");
    for (Map.Entry<String, SourceTotals> e : sources.entrySet()) {
      g.writeFieldName(e.getKey());
      e.getValue().write(g);
    }
    g.writeEndObject();
    g.writeEndObject();
  }
}
