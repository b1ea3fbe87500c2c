package org.winnow.core.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.winnow.core.ledger.Ledger;

class AtomicOutputTest {
  private final OutputStore store = new LocalOutputStore();

  private static String ledger() {
    return new Ledger("test").toJson();
  }

  private void writeRun(String target, String payload, boolean force) throws IOException {
    AtomicOutput out = AtomicOutput.prepare(store, target, force);
    assertFalse(out.alreadyDone());
    store.writeUtf8(store.child(out.staging(), "part-00000.txt"), payload);
    out.writeLedger(ledger());
    out.commit();
  }

  @Test
  void commitMovesTheStagingDirectoryIntoPlace(@TempDir Path dir) throws IOException {
    String target = dir.resolve("out").toString();
    writeRun(target, "one", false);
    assertEquals("one", Files.readString(dir.resolve("out/part-00000.txt")));
    assertTrue(AtomicOutput.isFinished(store, target));
    assertFalse(Files.exists(dir.resolve(".out.winnow-staging")));
  }

  @Test
  void aFinishedOutputIsNotRedoneUnlessForced(@TempDir Path dir) throws IOException {
    String target = dir.resolve("out").toString();
    writeRun(target, "one", false);
    assertTrue(AtomicOutput.prepare(store, target, false).alreadyDone());
    writeRun(target, "two", true);
    assertEquals("two", Files.readString(dir.resolve("out/part-00000.txt")));
  }

  @Test
  void aCrashedRunLeavesOnlyStagingWhichTheNextRunReplaces(@TempDir Path dir) throws IOException {
    String target = dir.resolve("out").toString();
    AtomicOutput crashed = AtomicOutput.prepare(store, target, false);
    store.writeUtf8(store.child(crashed.staging(), "part-00000.txt"), "half");
    // no commit: the process died here
    assertFalse(Files.exists(dir.resolve("out")));
    writeRun(target, "whole", false);
    assertEquals("whole", Files.readString(dir.resolve("out/part-00000.txt")));
  }

  @Test
  void refusesToOverwriteSomethingThatIsNotAFinishedOutput(@TempDir Path dir) throws IOException {
    Path foreign = Files.createDirectories(dir.resolve("out"));
    Files.writeString(foreign.resolve("precious.txt"), "keep me");
    OutputConflictException e = assertThrows(OutputConflictException.class,
        () -> AtomicOutput.prepare(store, foreign.toString(), false));
    assertTrue(e.getMessage().contains("--force"), e.getMessage());
    assertTrue(Files.exists(foreign.resolve("precious.txt")));
  }

  @Test
  void commitRequiresALedger(@TempDir Path dir) throws IOException {
    AtomicOutput out = AtomicOutput.prepare(store, dir.resolve("out").toString(), false);
    store.writeUtf8(store.child(out.staging(), "part-00000.txt"), "x");
    assertThrows(IllegalStateException.class, out::commit);
    assertFalse(Files.exists(dir.resolve("out")));
  }
}
