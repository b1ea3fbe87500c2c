package org.winnow.jobs.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.winnow.core.ledger.Ledger;
import org.winnow.core.output.AtomicOutput;
import org.winnow.core.output.OutputConflictException;

/** The atomic-output protocol of core, over Hadoop's local file system. */
class HadoopOutputStoreTest {
  private final HadoopOutputStore store = new HadoopOutputStore(new Configuration());

  @TempDir Path tmp;

  @Test
  void commitMovesTheStagingDirectoryIntoPlace() throws IOException {
    String target = tmp.resolve("out").toString();
    AtomicOutput out = AtomicOutput.prepare(store, target, false);
    assertFalse(out.alreadyDone());
    assertTrue(out.staging().startsWith("file:"), out.staging());
    store.writeUtf8(store.child(out.staging(), "part-00000.txt"), "data");
    out.writeLedger(new Ledger("test").toJson());
    out.commit();
    assertEquals("data", Files.readString(tmp.resolve("out/part-00000.txt")));
    assertTrue(Files.exists(tmp.resolve("out").resolve(AtomicOutput.SUCCESS)));
    assertFalse(store.exists(out.staging()));

    assertTrue(AtomicOutput.prepare(store, target, false).alreadyDone());

    AtomicOutput again = AtomicOutput.prepare(store, target, true);
    store.writeUtf8(store.child(again.staging(), "part-00000.txt"), "new");
    again.writeLedger(new Ledger("test").toJson());
    again.commit();
    assertEquals("new", Files.readString(tmp.resolve("out/part-00000.txt")));
  }

  @Test
  void aForeignDirectoryIsNotTouched() throws IOException {
    Files.createDirectories(tmp.resolve("theirs"));
    Files.writeString(tmp.resolve("theirs/keep.txt"), "x");
    assertThrows(OutputConflictException.class,
        () -> AtomicOutput.prepare(store, tmp.resolve("theirs").toString(), false));
    assertEquals("x", Files.readString(tmp.resolve("theirs/keep.txt")));
  }

  @Test
  void renameRefusesAnExistingTarget() throws IOException {
    Files.createDirectories(tmp.resolve("a"));
    Files.createDirectories(tmp.resolve("b"));
    IOException e = assertThrows(IOException.class,
        () -> store.rename(tmp.resolve("a").toString(), tmp.resolve("b").toString()));
    assertTrue(e.getMessage().contains("exists"), e.getMessage());
    assertTrue(Files.isDirectory(tmp.resolve("a")));
  }

  @Test
  void pathsAreNamedTheHadoopWay() {
    assertEquals("file:/x/y/z", store.child("file:/x/y", "z"));
    assertEquals("file:/x/w", store.sibling("file:/x/y", "w"));
    assertEquals("y", store.name("file:/x/y"));
  }
}
