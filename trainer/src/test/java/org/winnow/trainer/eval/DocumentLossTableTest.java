package org.winnow.trainer.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The per-document loss table is read back as written, and a damaged one names its line. */
class DocumentLossTableTest {
  @TempDir Path dir;

  @Test
  void readsBackWhatItWrote() throws IOException {
    Path f = dir.resolve("step-00000010.tsv");
    List<DocumentLoss> docs = List.of(new DocumentLoss("doc\t1", "web", 12, 40, 3.25),
        new DocumentLoss("d2", "news", 0, 0, 0));
    DocumentLossTable.write(f, docs);
    List<DocumentLoss> back = DocumentLossTable.read(f);
    assertEquals(new DocumentLoss("doc 1", "web", 12, 40, 3.25), back.get(0),
        "a tab in an id becomes a space");
    assertEquals(docs.get(1), back.get(1));
  }

  @Test
  void aDamagedRowOrAnotherFileIsAnErrorNamingIt() throws IOException {
    Path f = dir.resolve("bad.tsv");
    Files.writeString(f, DocumentLossTable.HEADER + "\nd1\tweb\t3\t10\t1.5\nd2\tweb\tx\t10\t1\n");
    IOException e = assertThrows(IOException.class, () -> DocumentLossTable.read(f));
    assertTrue(e.getMessage().contains("bad.tsv line 3"), e.getMessage());
    Files.writeString(f, DocumentLossTable.HEADER + "\nd1\tweb\t3\t10\tNaN\n");
    e = assertThrows(IOException.class, () -> DocumentLossTable.read(f));
    assertTrue(e.getMessage().contains("line 2"), e.getMessage());
    Files.writeString(f, "id,loss\n");
    e = assertThrows(IOException.class, () -> DocumentLossTable.read(f));
    assertTrue(e.getMessage().contains("not a per-document loss table"), e.getMessage());
  }
}
