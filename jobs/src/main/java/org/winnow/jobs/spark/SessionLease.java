package org.winnow.jobs.spark;

import org.apache.spark.sql.SparkSession;

/** A SparkSession for one command; stops it on close only when the command started it. */
public final class SessionLease implements AutoCloseable {
  private final SparkSession session;
  private final boolean owned;

  SessionLease(SparkSession session, boolean owned) {
    this.session = session;
    this.owned = owned;
  }

  public SparkSession session() {
    return session;
  }

  /** Whether closing this lease stops the session. */
  public boolean owned() {
    return owned;
  }

  @Override
  public void close() {
    if (owned) {
      session.stop();
    }
  }
}
