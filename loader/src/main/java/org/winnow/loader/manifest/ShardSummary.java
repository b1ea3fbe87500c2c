package org.winnow.loader.manifest;

import static org.winnow.loader.json.JsonObject.longValue;
import static org.winnow.loader.json.JsonObject.stringValue;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import java.io.IOException;
import java.util.List;
import java.util.Set;
import org.winnow.loader.json.JsonObject;

/** One shard file of a split, its path relative to the shard-set root. */
public record ShardSummary(String file, long rows, long tokens, List<RowGroupSummary> rowGroups) {

  public ShardSummary {
    if (file == null || file.isEmpty()) {
      throw new IllegalArgumentException("shard entry without a file");
    }
    if (rows < 0 || tokens < 0) {
      throw new IllegalArgumentException(
          "shard " + file + " has negative counts: rows=" + rows + " tokens=" + tokens);
    }
    rowGroups = rowGroups == null ? List.of() : List.copyOf(rowGroups);
  }

  /** Whether the manifest lists this shard's row groups (a shard without rows has none to list). */
  public boolean rowGroupsKnown() {
    return rows == 0 || !rowGroups.isEmpty();
  }

  static ShardSummary read(JsonParser p) throws IOException {
    String[] file = new String[1];
    long[] v = new long[2];
    Object[] groups = {List.of()};
    Set<String> seen = JsonObject.read(p, "shard", (k, q) -> {
      switch (k) {
        case "file":
          file[0] = stringValue(q);
          return true;
        case "rows":
          v[0] = longValue(q);
          return true;
        case "tokens":
          v[1] = longValue(q);
          return true;
        case "row_groups":
          groups[0] = JsonObject.list(q, "row_groups", RowGroupSummary::read);
          return true;
        default:
          return false;
      }
    });
    JsonObject.require(seen, "shard", "file", "rows", "tokens");
    @SuppressWarnings("unchecked")
    List<RowGroupSummary> rowGroups = (List<RowGroupSummary>) groups[0];
    return new ShardSummary(file[0], v[0], v[1], rowGroups);
  }

  void write(JsonGenerator g) throws IOException {
    g.writeStartObject();
    g.writeStringField("file", file);
    g.writeNumberField("rows", rows);
    g.writeNumberField("tokens", tokens);
    if (!rowGroups.isEmpty()) {
      g.writeArrayFieldStart("row_groups");
      for (RowGroupSummary r : rowGroups) {
        r.write(g);
      }
      g.writeEndArray();
    }
    g.writeEndObject();
  }
}
