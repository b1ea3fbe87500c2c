package org.winnow.core.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.winnow.core.Document;

class DocumentSchemaTest {
  @Test
  void columnsAreTheDesignsCoreColumnsInOrder() {
    List<String> names = DocumentSchema.COLUMNS.stream().map(Column::name).toList();
    assertEquals(List.of("id", "url", "domain", "source", "fetch_time", "lang", "lang_score",
        "title", "text", "warc_file", "warc_offset", "hidden_chars"), names);
    assertEquals(names.size(), new HashSet<>(names).size());
  }

  @Test
  void valuesRoundTrip() {
    Document d = new Document("id1", "https://a.example/x", "a.example", "cc",
        Instant.parse("2020-08-01T12:34:56Z"), "de", 0.75, "Titel", "Text\n\nmehr",
        "f.warc.gz", 1234, 7);
    Object[] values = DocumentSchema.values(d);
    assertEquals(DocumentSchema.COLUMNS.size(), values.length);
    assertEquals(d, DocumentSchema.fromValues(values));
  }

  @Test
  void documentRejectsImpossibleValuesNamingThem() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new Document("i", "u", "d", "s", Instant.EPOCH, "en", 1.5, "", "", "f", 0, 0));
    assertEquals("langScore must be in [0, 1], got 1.5", e.getMessage());
  }
}
