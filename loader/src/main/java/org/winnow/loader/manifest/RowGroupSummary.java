package org.winnow.loader.manifest;

import static org.winnow.loader.json.JsonObject.longValue;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import java.io.IOException;
import java.util.Set;
import org.winnow.loader.json.JsonObject;

/**
 * One row group of a shard. Optional in the manifest: when a writer lists them, the loader plans
 * an epoch without opening every shard's footer first.
 */
public record RowGroupSummary(long rows, long tokens) {
  public RowGroupSummary {
    if (rows < 0 || tokens < 0) {
      throw new IllegalArgumentException("negative row group count: rows=" + rows + " tokens="
          + tokens);
    }
  }

  static RowGroupSummary read(JsonParser p) throws IOException {
    long[] v = new long[2];
    Set<String> seen = JsonObject.read(p, "row group", (k, q) -> {
      switch (k) {
        case "rows":
          v[0] = longValue(q);
          return true;
        case "tokens":
          v[1] = longValue(q);
          return true;
        default:
          return false;
      }
    });
    JsonObject.require(seen, "row group", "rows", "tokens");
    return new RowGroupSummary(v[0], v[1]);
  }

  void write(JsonGenerator g) throws IOException {
    g.writeStartObject();
    g.writeNumberField("rows", rows);
    g.writeNumberField("tokens", tokens);
    g.writeEndObject();
  }
}
