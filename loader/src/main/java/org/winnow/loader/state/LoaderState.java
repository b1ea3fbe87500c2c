package org.winnow.loader.state;

import static org.winnow.loader.json.JsonObject.booleanValue;
import static org.winnow.loader.json.JsonObject.intValue;
import static org.winnow.loader.json.JsonObject.longValue;

import com.fasterxml.jackson.core.JsonParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import org.winnow.loader.json.JsonObject;
import org.winnow.loader.plan.ShuffleSpec;

/**
 * A rank's resumable position (DESIGN.md, "Loader state"): the seed and shuffle that fix every
 * epoch's order, and per dataset the epoch, what is left of it, and the token counters. A loader
 * built from it yields exactly the batches the uninterrupted loader would have yielded.
 *
 * @param seed the root of every shuffle and draw
 * @param rank this rank
 * @param worldSize ranks in the run that wrote the state
 * @param batches batches delivered by this rank
 * @param samples sequences delivered by this rank (the global sample index of the next one)
 * @param shuffle the shuffle that orders each epoch
 * @param components one entry per dataset of the mixture, in configuration order
 */
public record LoaderState(int version, long seed, int rank, int worldSize, long batches,
    long samples, ShuffleSpec shuffle, List<ComponentState> components) {

  /** The state format this code writes and reads. */
  public static final int VERSION = 1;

  public LoaderState {
    if (version != VERSION) {
      throw new IllegalArgumentException("loader state version " + version + " is not "
          + VERSION);
    }
    if (worldSize <= 0 || rank < 0 || rank >= worldSize) {
      throw new IllegalArgumentException("rank " + rank + " outside world size " + worldSize);
    }
    if (shuffle == null) {
      throw new IllegalArgumentException("loader state has no shuffle");
    }
    components = components == null ? List.of() : List.copyOf(components);
    if (components.isEmpty()) {
      throw new IllegalArgumentException("loader state has no components");
    }
  }

  /** The state as compact JSON. */
  public String toJson() {
    byte[] json = JsonObject.write(false, g -> {
      g.writeStartObject();
      g.writeNumberField("version", version);
      g.writeNumberField("seed", seed);
      g.writeNumberField("rank", rank);
      g.writeNumberField("world_size", worldSize);
      g.writeNumberField("batches", batches);
      g.writeNumberField("samples", samples);
      g.writeObjectFieldStart("shuffle");
      g.writeBooleanField("enabled", shuffle.enabled());
      g.writeNumberField("window_tokens", shuffle.windowTokens());
      g.writeNumberField("window_row_groups", shuffle.windowRowGroups());
      g.writeEndObject();
      g.writeArrayFieldStart("components");
      for (ComponentState c : components) {
        c.write(g);
      }
      g.writeEndArray();
      g.writeEndObject();
    });
    return new String(json, StandardCharsets.UTF_8);
  }

  /**
   * Parses a state written by {@link #toJson()}; keys it does not know are ignored.
   *
   * @throws IllegalArgumentException naming the problem when the JSON is not a valid state
   */
  public static LoaderState fromJson(String json) {
    try (JsonParser p = JsonObject.parser(json.getBytes(StandardCharsets.UTF_8))) {
      long[] v = new long[6];
      Object[] parts = {null, List.of()};
      Set<String> seen = JsonObject.read(p, "loader state", (k, q) -> {
        switch (k) {
          case "version":
            v[0] = intValue(q);
            return true;
          case "seed":
            v[1] = longValue(q);
            return true;
          case "rank":
            v[2] = intValue(q);
            return true;
          case "world_size":
            v[3] = intValue(q);
            return true;
          case "batches":
            v[4] = longValue(q);
            return true;
          case "samples":
            v[5] = longValue(q);
            return true;
          case "shuffle":
            parts[0] = readShuffle(q);
            return true;
          case "components":
            parts[1] = JsonObject.list(q, "components", ComponentState::read);
            return true;
          default:
            return false;
        }
      });
      JsonObject.end(p);
      JsonObject.require(seen, "loader state", "version", "seed", "rank", "world_size",
          "batches", "samples", "shuffle", "components");
      @SuppressWarnings("unchecked")
      List<ComponentState> components = (List<ComponentState>) parts[1];
      return new LoaderState((int) v[0], v[1], (int) v[2], (int) v[3], v[4], v[5],
          (ShuffleSpec) parts[0], components);
    } catch (IOException | IllegalArgumentException e) {
      throw new IllegalArgumentException("invalid loader state: " + e.getMessage(), e);
    }
  }

  private static ShuffleSpec readShuffle(JsonParser p) throws IOException {
    boolean[] enabled = new boolean[1];
    long[] v = new long[2];
    Set<String> seen = JsonObject.read(p, "shuffle", (k, q) -> {
      switch (k) {
        case "enabled":
          enabled[0] = booleanValue(q);
          return true;
        case "window_tokens":
          v[0] = longValue(q);
          return true;
        case "window_row_groups":
          v[1] = intValue(q);
          return true;
        default:
          return false;
      }
    });
    JsonObject.require(seen, "shuffle", "enabled", "window_tokens", "window_row_groups");
    return new ShuffleSpec(enabled[0], v[0], (int) v[1]);
  }

  /** The component named {@code name}, if the state has one. */
  public java.util.Optional<ComponentState> component(String name) {
    return components.stream().filter(c -> c.name().equals(name)).findFirst();
  }

  /**
   * Redistributes what every rank of one run has left onto {@code newWorldSize} ranks, keeping
   * the exactly-once guarantee for the rest of each epoch already begun: documents any rank has
   * read are not read again, the others are read by exactly one new rank. Later epochs are split
   * afresh. Token counters are summed into the new rank 0.
   *
   * @param ranks the states of all ranks of one run, one per rank, at the same step
   * @return the states of ranks {@code 0..newWorldSize-1}
   */
  public static List<LoaderState> reshard(List<LoaderState> ranks, int newWorldSize) {
    return StateResharder.reshard(ranks, newWorldSize);
  }
}
