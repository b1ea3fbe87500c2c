package org.winnow.jobs.quickstart;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * One document of Lucene's Europarl sample: an excerpt of a European Parliament debate.
 *
 * @param index      position in the sample, from 0; stable, used for URLs and seeded choices
 * @param title      the agenda item's title (in the debate's language)
 * @param date       the sitting's date
 * @param paragraphs the excerpt's paragraphs, in order, none blank
 */
public record EuroparlDocument(int index, String title, LocalDate date, List<String> paragraphs) {
  public EuroparlDocument {
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(date, "date");
    paragraphs = List.copyOf(paragraphs);
    if (index < 0) {
      throw new IllegalArgumentException("index must be >= 0, got " + index);
    }
  }

  /** The paragraphs joined by blank lines, the way extracted text separates them. */
  public String text() {
    return String.join("\n\n", paragraphs);
  }
}
