package org.winnow.jobs.testing;

import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.winnow.jobs.spark.SessionLease;

/**
 * The {@link TestSpark} session of one test class, as a JUnit extension: registered on a static
 * field ({@code @RegisterExtension static final SharedSpark SPARK = new SharedSpark();}), it
 * starts before the class's {@code @BeforeAll} methods, so they can use it, and stops after its
 * {@code @AfterAll} methods.
 */
public final class SharedSpark implements BeforeAllCallback, AfterAllCallback {
  private SessionLease lease;

  @Override
  public void beforeAll(ExtensionContext context) {
    lease = TestSpark.start();
  }

  @Override
  public void afterAll(ExtensionContext context) {
    if (lease != null) {
      lease.close();
      lease = null;
    }
  }

  public SparkSession session() {
    if (lease == null) {
      throw new IllegalStateException("the session is open only while the test class runs");
    }
    return lease.session();
  }
}
