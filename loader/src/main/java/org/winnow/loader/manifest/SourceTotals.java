package org.winnow.loader.manifest;

import static org.winnow.loader.json.JsonObject.longValue;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import java.io.IOException;
import java.util.Set;
import org.winnow.loader.json.JsonObject;

/** Documents and tokens of one source within a split. */
public record SourceTotals(long documents, long tokens) {
  static SourceTotals read(JsonParser p) throws IOException {
    long[] v = new long[2];
    Set<String> seen = JsonObject.read(p, "source", (k, q) -> {
      switch (k) {
        case "documents":
          v[0] = longValue(q);
          return true;
        case "tokens":
          v[1] = longValue(q);
          return true;
        default:
          return false;
      }
    });
    JsonObject.require(seen, "source", "documents", "tokens");
    return new SourceTotals(v[0], v[1]);
  }

  void write(JsonGenerator g) throws IOException {
    g.writeStartObject();
    g.writeNumberField("documents", documents);
    g.writeNumberField("tokens", tokens);
    g.writeEndObject();
  }
}
