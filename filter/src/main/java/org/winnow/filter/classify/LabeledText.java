package org.winnow.filter.classify;

import java.util.Objects;

/**
 * One training example.
 *
 * @param text     the document text
 * @param positive true for the "high quality" class
 */
public record LabeledText(String text, boolean positive) {
  public LabeledText {
    Objects.requireNonNull(text, "text");
  }
}
