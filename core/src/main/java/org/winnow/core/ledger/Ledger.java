package org.winnow.core.ledger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.Serializable;
import java.util.Collections;
import java.util.Iterator;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * A stage's accounting of its input: {@code in == kept + sum(removed) + sum(rejected)}, by
 * reason, plus how many kept documents were modified. Written as {@code _ledger.json} beside the
 * stage's output. Not thread-safe; merge per-task ledgers with {@link #merge}.
 */
public final class Ledger implements Serializable {
  private static final long serialVersionUID = 1L;
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  /** The file name of a ledger beside a stage's output. */
  public static final String FILE_NAME = "_ledger.json";

  private final String stage;
  private long in;
  private long kept;
  private final TreeMap<String, Long> removed = new TreeMap<>();
  private final TreeMap<String, Long> rejected = new TreeMap<>();
  private final TreeMap<String, Long> modified = new TreeMap<>();

  public Ledger(String stage) {
    this.stage = Objects.requireNonNull(stage, "stage");
  }

  /** Counts one input record with its outcome. */
  public void record(Outcome outcome) {
    if (outcome instanceof Outcome.Kept k) {
      count(Fate.KEPT, "", 1);
      for (String m : k.modifications()) {
        modified.merge(m, 1L, Long::sum);
      }
    } else if (outcome instanceof Outcome.Dropped d) {
      count(d.fate(), d.reason(), 1);
    }
  }

  /**
   * Adds {@code n} input records that ended as {@code fate} for {@code reason} (the reason is
   * ignored for KEPT), as aggregated elsewhere, e.g. by a Spark group-by.
   */
  public void count(Fate fate, String reason, long n) {
    if (n < 0) {
      throw new IllegalArgumentException("count must be >= 0, got " + n + " for " + reason);
    }
    switch (fate) {
      case KEPT -> kept += n;
      case REMOVED -> removed.merge(reason, n, Long::sum);
      case REJECTED -> rejected.merge(reason, n, Long::sum);
    }
    in += n;
  }

  /** Adds counts of kept documents modified by {@code modification}. */
  public void countModified(String modification, long n) {
    modified.merge(modification, n, Long::sum);
  }

  /** Adds another ledger of the same stage into this one. */
  public Ledger merge(Ledger other) {
    if (!stage.equals(other.stage)) {
      throw new IllegalArgumentException(
          "cannot merge ledger of stage '" + other.stage + "' into '" + stage + "'");
    }
    in += other.in;
    kept += other.kept;
    other.removed.forEach((k, v) -> removed.merge(k, v, Long::sum));
    other.rejected.forEach((k, v) -> rejected.merge(k, v, Long::sum));
    other.modified.forEach((k, v) -> modified.merge(k, v, Long::sum));
    return this;
  }

  public String stage() {
    return stage;
  }

  public long in() {
    return in;
  }

  public long kept() {
    return kept;
  }

  public Map<String, Long> removed() {
    return Collections.unmodifiableMap(removed);
  }

  public Map<String, Long> rejected() {
    return Collections.unmodifiableMap(rejected);
  }

  public Map<String, Long> modified() {
    return Collections.unmodifiableMap(modified);
  }

  public long removedTotal() {
    return removed.values().stream().mapToLong(Long::longValue).sum();
  }

  public long rejectedTotal() {
    return rejected.values().stream().mapToLong(Long::longValue).sum();
  }

  public boolean balanced() {
    return in == kept + removedTotal() + rejectedTotal();
  }

  /**
   * Checks the ledger against an independent count of the input (e.g. records read) and the
   * number of rows actually written.
   *
   * @throws LedgerImbalanceException naming the numbers that disagree
   */
  public void check(long expectedIn, long keptWritten) {
    if (!balanced()) {
      throw new LedgerImbalanceException(
          stage + ": in " + in + " != kept " + kept + " + removed " + removedTotal()
              + " + rejected " + rejectedTotal());
    }
    if (in != expectedIn) {
      throw new LedgerImbalanceException(
          stage + ": ledger counts " + in + " records in, but " + expectedIn + " were read");
    }
    if (kept != keptWritten) {
      throw new LedgerImbalanceException(
          stage + ": ledger counts " + kept + " kept, but " + keptWritten + " rows were written");
    }
  }

  /** The {@code _ledger.json} form; {@code extra} keys (timings, bytes) follow the counts. */
  public String toJson(Map<String, ?> extra) {
    ObjectNode root = JSON.createObjectNode();
    root.put("stage", stage);
    root.put("in", in);
    root.put("kept", kept);
    root.set("removed", JSON.valueToTree(removed));
    root.set("rejected", JSON.valueToTree(rejected));
    root.set("modified", JSON.valueToTree(modified));
    root.put("balanced", balanced());
    for (Map.Entry<String, ?> e : new TreeMap<>(extra).entrySet()) {
      root.set(e.getKey(), JSON.valueToTree(e.getValue()));
    }
    try {
      return JSON.writeValueAsString(root) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write ledger of " + stage, e);
    }
  }

  public String toJson() {
    return toJson(Map.of());
  }

  /** Reads a ledger written by {@link #toJson}; unknown extra keys are ignored. */
  public static Ledger fromJson(String json) {
    try {
      JsonNode root = JSON.readTree(json);
      Ledger l = new Ledger(required(root, "stage").asText());
      l.in = required(root, "in").asLong();
      l.kept = required(root, "kept").asLong();
      readCounts(root.get("removed"), l.removed);
      readCounts(root.get("rejected"), l.rejected);
      readCounts(root.get("modified"), l.modified);
      return l;
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("not a ledger: " + e.getOriginalMessage(), e);
    }
  }

  private static JsonNode required(JsonNode root, String key) {
    JsonNode n = root.get(key);
    if (n == null) {
      throw new IllegalArgumentException("ledger lacks key '" + key + "'");
    }
    return n;
  }

  private static void readCounts(JsonNode node, Map<String, Long> into) {
    if (node == null) {
      return;
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      into.put(e.getKey(), e.getValue().asLong());
    }
  }

  @Override
  public String toString() {
    return toJson();
  }
}
