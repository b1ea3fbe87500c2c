package org.winnow.core.output;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.winnow.core.ledger.Ledger;

/**
 * Atomic commit of a stage's output directory. The stage writes everything (data, side datasets,
 * ledger, {@code _SUCCESS}) into a staging directory beside the target, then {@link #commit()}
 * renames it into place. A finished output (one with {@code _SUCCESS} and {@code _ledger.json})
 * is not redone unless forced; a crashed run leaves only its staging directory, which the next
 * run replaces, so a rerun produces the same output.
 */
public final class AtomicOutput {
  public static final String SUCCESS = "_SUCCESS";
  private static final String STAGING_SUFFIX = ".winnow-staging";

  private final OutputStore store;
  private final String target;
  private final String staging;
  private final boolean alreadyDone;
  private final boolean force;

  private AtomicOutput(
      OutputStore store, String target, String staging, boolean alreadyDone, boolean force) {
    this.store = store;
    this.target = target;
    this.staging = staging;
    this.alreadyDone = alreadyDone;
    this.force = force;
  }

  /**
   * Prepares to write {@code target}. When it is already a finished output and {@code force} is
   * false, {@link #alreadyDone()} is true and nothing should be written.
   *
   * @throws OutputConflictException when {@code target} exists but is not a finished output and
   *     {@code force} is false: it may be someone else's data, so it is never deleted silently
   */
  public static AtomicOutput prepare(OutputStore store, String target, boolean force) {
    try {
      boolean exists = store.exists(target);
      boolean finished = exists && isFinished(store, target);
      if (exists && !finished && !force) {
        throw new OutputConflictException(
            target + " exists but is not a finished Winnow output (no " + SUCCESS + " and "
                + Ledger.FILE_NAME + "); remove it or pass --force");
      }
      String staging = store.sibling(target, "." + store.name(target) + STAGING_SUFFIX);
      if (finished && !force) {
        return new AtomicOutput(store, target, staging, true, false);
      }
      store.deleteRecursively(staging);
      return new AtomicOutput(store, target, staging, false, force);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot prepare output " + target, e);
    }
  }

  /** Whether {@code dir} holds a finished stage output. */
  public static boolean isFinished(OutputStore store, String dir) throws IOException {
    return store.exists(store.child(dir, SUCCESS)) && store.exists(store.child(dir, Ledger.FILE_NAME));
  }

  public boolean alreadyDone() {
    return alreadyDone;
  }

  /** Where the stage writes; it does not exist yet when {@link #prepare} returns. */
  public String staging() {
    return staging;
  }

  public String target() {
    return target;
  }

  /** Writes the ledger into the staging directory; {@link #commit()} requires it. */
  public void writeLedger(String ledgerJson) {
    try {
      store.writeUtf8(store.child(staging, Ledger.FILE_NAME), ledgerJson);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write ledger into " + staging, e);
    }
  }

  /**
   * Moves the staging directory into place. Requires {@code _SUCCESS} (written by Spark or by
   * the stage) and the ledger in the staging directory; replaces an old output only when forced.
   */
  public void commit() {
    if (alreadyDone) {
      throw new IllegalStateException(target + " was already finished; nothing to commit");
    }
    try {
      if (!store.exists(store.child(staging, SUCCESS))) {
        store.writeUtf8(store.child(staging, SUCCESS), "");
      }
      if (!isFinished(store, staging)) {
        throw new IllegalStateException(
            "staging directory " + staging + " has no " + Ledger.FILE_NAME + "; refusing to commit");
      }
      if (store.exists(target)) {
        if (!force) {
          throw new OutputConflictException(target + " appeared while this run was writing");
        }
        store.deleteRecursively(target);
      }
      store.rename(staging, target);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot commit " + staging + " to " + target, e);
    }
  }

  /** Removes the staging directory after a failed run. */
  public void abort() {
    try {
      store.deleteRecursively(staging);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot remove staging directory " + staging, e);
    }
  }
}
