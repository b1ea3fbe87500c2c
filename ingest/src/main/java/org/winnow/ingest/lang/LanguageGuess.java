package org.winnow.ingest.lang;

import java.util.Objects;
import org.winnow.core.Document;

/**
 * The language of a text.
 *
 * @param code  ISO 639-1 lower-case code, or {@link Document#UNDETERMINED_LANG}
 * @param score 0..1; Lingua's relative distance between the best language and the runner-up
 *              (1 minus the runner-up's relative confidence): 0 is a tie, 1 means no other
 *              candidate language fits the text at all. 0 when undetermined.
 */
public record LanguageGuess(String code, double score) {
  public static final LanguageGuess UNDETERMINED = new LanguageGuess(Document.UNDETERMINED_LANG, 0);

  public LanguageGuess {
    Objects.requireNonNull(code, "code");
    if (!(score >= 0 && score <= 1)) {
      throw new IllegalArgumentException("score must be in [0, 1], got " + score);
    }
  }
}
