package org.winnow.jobs.dedup;

import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.winnow.dedup.minhash.MinHashParams;

/**
 * What one dedup run reads, writes and how.
 *
 * @param inputs        document datasets (Parquet directories written by ingest or filter)
 * @param output        the output directory
 * @param modes         the steps to run
 * @param minhash       shingle size, bands and rows, seed
 * @param verifyJaccard when > 0, a candidate pair joins a component only if its signatures agree
 *                      on at least this fraction of positions; 0 turns verification off
 * @param lineMinDocs   a line is removed when it occurs in at least this many documents
 * @param keepRule      which member of a group survives
 * @param policy        keep one per group, or drop all members
 * @param scope         global or per source
 * @param againstIndex  the {@code _minhash_index} of an earlier run: its documents win every
 *                      cluster they are in, and their signatures are not recomputed
 * @param writeIndex    whether to write this run's signatures and band keys to {@code _minhash_index}
 * @param maxRounds     connected components fails when it has not converged after this many rounds
 * @param force         redo a finished output
 */
public record DedupSpec(
    List<String> inputs,
    String output,
    Set<DedupMode> modes,
    MinHashParams minhash,
    double verifyJaccard,
    int lineMinDocs,
    KeepRule keepRule,
    ClusterPolicy policy,
    DedupScope scope,
    Optional<String> againstIndex,
    boolean writeIndex,
    int maxRounds,
    boolean force) {

  public static final int DEFAULT_LINE_MIN_DOCS = 10;
  public static final int DEFAULT_MAX_ROUNDS = 100;

  public DedupSpec {
    inputs = List.copyOf(inputs);
    Objects.requireNonNull(output, "output");
    modes = Set.copyOf(modes.isEmpty() ? EnumSet.noneOf(DedupMode.class) : EnumSet.copyOf(modes));
    Objects.requireNonNull(minhash, "minhash");
    Objects.requireNonNull(keepRule, "keepRule");
    Objects.requireNonNull(policy, "policy");
    Objects.requireNonNull(scope, "scope");
    Objects.requireNonNull(againstIndex, "againstIndex");
    if (inputs.isEmpty()) {
      throw new IllegalArgumentException("at least one input is required");
    }
    if (modes.isEmpty()) {
      throw new IllegalArgumentException("at least one mode is required");
    }
    if (verifyJaccard < 0 || verifyJaccard > 1 || Double.isNaN(verifyJaccard)) {
      throw new IllegalArgumentException("verifyJaccard must be in [0, 1], got " + verifyJaccard);
    }
    if (lineMinDocs < 2) {
      throw new IllegalArgumentException("lineMinDocs must be >= 2, got " + lineMinDocs);
    }
    if (maxRounds < 1) {
      throw new IllegalArgumentException("maxRounds must be >= 1, got " + maxRounds);
    }
  }

  /** The defaults: all three steps, FineWeb's MinHash, keep the earliest, global, index written. */
  public static DedupSpec defaults(List<String> inputs, String output) {
    return new DedupSpec(inputs, output, EnumSet.allOf(DedupMode.class), MinHashParams.defaults(),
        0, DEFAULT_LINE_MIN_DOCS, KeepRule.EARLIEST, ClusterPolicy.KEEP_ONE, DedupScope.GLOBAL,
        Optional.empty(), true, DEFAULT_MAX_ROUNDS, false);
  }

  public DedupSpec withModes(Set<DedupMode> m) {
    return new DedupSpec(inputs, output, m, minhash, verifyJaccard, lineMinDocs, keepRule, policy,
        scope, againstIndex, writeIndex, maxRounds, force);
  }

  public DedupSpec withPolicy(ClusterPolicy p, DedupScope s, KeepRule k) {
    return new DedupSpec(inputs, output, modes, minhash, verifyJaccard, lineMinDocs, k, p, s,
        againstIndex, writeIndex, maxRounds, force);
  }

  public DedupSpec withAgainstIndex(Optional<String> index, boolean write) {
    return new DedupSpec(inputs, output, modes, minhash, verifyJaccard, lineMinDocs, keepRule,
        policy, scope, index, write, maxRounds, force);
  }

  public DedupSpec withForce(boolean f) {
    return new DedupSpec(inputs, output, modes, minhash, verifyJaccard, lineMinDocs, keepRule,
        policy, scope, againstIndex, writeIndex, maxRounds, f);
  }

  public DedupSpec withTuning(MinHashParams p, double verify, int lineMin, int rounds, boolean f) {
    return new DedupSpec(inputs, output, modes, p, verify, lineMin, keepRule, policy, scope,
        againstIndex, writeIndex, rounds, f);
  }
}
