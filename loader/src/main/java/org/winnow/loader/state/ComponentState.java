package org.winnow.loader.state;

import static org.winnow.loader.json.JsonObject.intValue;
import static org.winnow.loader.json.JsonObject.longValue;
import static org.winnow.loader.json.JsonObject.stringValue;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import java.io.IOException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.winnow.loader.json.JsonObject;

/**
 * Where one rank stands in one dataset of the mixture.
 *
 * @param name the dataset's name in the loader's configuration
 * @param documents documents per epoch of the dataset's split, to detect data that changed
 * @param samples sequences this rank has drawn from the dataset
 * @param nextEpoch the first epoch this rank has not begun; after {@code pending} it reads its
 *     default share of this epoch and of every later one
 * @param pending what is left of epochs already begun, in reading order
 * @param sourceTokens input tokens delivered per value of the {@code source} column
 */
public record ComponentState(String name, long documents, long samples, int nextEpoch,
    List<Segment> pending, Map<String, Long> sourceTokens) {

  public ComponentState {
    if (name == null || name.isEmpty()) {
      throw new IllegalArgumentException("component state without a name");
    }
    if (documents < 0 || samples < 0 || nextEpoch < 0) {
      throw new IllegalArgumentException("component " + name + ": negative counts in state");
    }
    pending = pending == null ? List.of() : List.copyOf(pending);
    sourceTokens = sourceTokens == null ? Map.of()
        : Collections.unmodifiableMap(new LinkedHashMap<>(sourceTokens));
    int last = -1;
    for (Segment s : pending) {
      if (s.epoch() < last || s.epoch() >= nextEpoch || s.end() > documents) {
        throw new IllegalArgumentException("component " + name + ": segment " + s
            + " does not fit next_epoch " + nextEpoch + " and " + documents + " documents");
      }
      last = s.epoch();
    }
  }

  /** The epoch being read: that of the first pending segment, else {@code nextEpoch}. */
  public int epoch() {
    return pending.isEmpty() ? nextEpoch : pending.get(0).epoch();
  }

  /** Input tokens delivered from this dataset over all sources. */
  public long tokens() {
    long n = 0;
    for (long v : sourceTokens.values()) {
      n += v;
    }
    return n;
  }

  static ComponentState read(JsonParser p) throws IOException {
    String[] name = new String[1];
    long[] v = new long[3];
    Object[] parts = {List.of(), Map.of()};
    Set<String> seen = JsonObject.read(p, "component", (k, q) -> {
      switch (k) {
        case "name":
          name[0] = stringValue(q);
          return true;
        case "documents":
          v[0] = longValue(q);
          return true;
        case "samples":
          v[1] = longValue(q);
          return true;
        case "next_epoch":
          v[2] = intValue(q);
          return true;
        case "pending":
          parts[0] = JsonObject.list(q, "pending", Segment::read);
          return true;
        case "source_tokens":
          parts[1] = JsonObject.map(q, "source_tokens", JsonObject::longValue);
          return true;
        default:
          return false;
      }
    });
    JsonObject.require(seen, "component", "name", "documents", "samples", "next_epoch",
        "pending", "source_tokens");
    @SuppressWarnings("unchecked")
    List<Segment> pending = (List<Segment>) parts[0];
    @SuppressWarnings("unchecked")
    Map<String, Long> tokens = (Map<String, Long>) parts[1];
    return new ComponentState(name[0], v[0], v[1], (int) v[2], pending, tokens);
  }

  /** Written with the derived {@code epoch} for readers; it is not read back. */
  void write(JsonGenerator g) throws IOException {
    g.writeStartObject();
    g.writeStringField("name", name);
    g.writeNumberField("epoch", epoch());
    g.writeNumberField("documents", documents);
    g.writeNumberField("samples", samples);
    g.writeNumberField("next_epoch", nextEpoch);
    g.writeArrayFieldStart("pending");
    for (Segment s : pending) {
      s.write(g);
    }
    g.writeEndArray();
    g.writeObjectFieldStart("source_tokens");
    for (Map.Entry<String, Long> e : sourceTokens.entrySet()) {
      g.writeNumberField(e.getKey(), e.getValue());
    }
    g.writeEndObject();
    g.writeEndObject();
  }
}
