package org.winnow.filter.classify;

import java.io.IOException;

/** A model file that is not a valid quality model; the message names the file and byte offset. */
public final class ModelFormatException extends IOException {
  private static final long serialVersionUID = 1L;

  public ModelFormatException(String message) {
    super(message);
  }
}
