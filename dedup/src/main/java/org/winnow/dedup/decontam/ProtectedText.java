package org.winnow.dedup.decontam;

import java.util.Objects;

/**
 * A text that must not leak into training data, e.g. a held-out document or an eval item.
 *
 * @param id     its id within its source
 * @param source what it belongs to (an eval set, a held-out split), for the overlap report
 * @param text   the text itself
 */
public record ProtectedText(String id, String source, String text) {
  public ProtectedText {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(text, "text");
  }
}
