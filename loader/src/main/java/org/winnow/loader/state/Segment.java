package org.winnow.loader.state;

import static org.winnow.loader.json.JsonObject.intValue;
import static org.winnow.loader.json.JsonObject.longValue;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import java.io.IOException;
import java.util.Set;
import org.winnow.loader.json.JsonObject;

/**
 * Documents {@code [start, end)} of one epoch's global sequence still to be read by one rank;
 * the first of them has already given its first {@code offset} tokens.
 */
public record Segment(int epoch, long start, long end, long offset) {

  public Segment {
    if (epoch < 0 || start < 0 || end <= start || offset < 0) {
      throw new IllegalArgumentException("invalid segment: epoch=" + epoch + " start=" + start
          + " end=" + end + " offset=" + offset);
    }
  }

  public long documents() {
    return end - start;
  }

  /**
   * Rank {@code rank}'s share of the {@code documents} global indices of an epoch split among
   * {@code worldSize} ranks: contiguous, sizes differing by at most one. Empty when there are
   * fewer documents than ranks.
   */
  public static long[] share(long documents, int rank, int worldSize) {
    long from = Math.multiplyExact(documents, rank) / worldSize;
    long to = Math.multiplyExact(documents, rank + 1) / worldSize;
    return new long[] {from, to};
  }

  static Segment read(JsonParser p) throws IOException {
    long[] v = new long[4];
    Set<String> seen = JsonObject.read(p, "segment", (k, q) -> {
      switch (k) {
        case "epoch":
          v[0] = intValue(q);
          return true;
        case "start":
          v[1] = longValue(q);
          return true;
        case "end":
          v[2] = longValue(q);
          return true;
        case "offset":
          v[3] = longValue(q);
          return true;
        default:
          return false;
      }
    });
    JsonObject.require(seen, "segment", "epoch", "start", "end", "offset");
    return new Segment((int) v[0], v[1], v[2], v[3]);
  }

  void write(JsonGenerator g) throws IOException {
    g.writeStartObject();
    g.writeNumberField("epoch", epoch);
    g.writeNumberField("start", start);
    g.writeNumberField("end", end);
    g.writeNumberField("offset", offset);
    g.writeEndObject();
  }
}
