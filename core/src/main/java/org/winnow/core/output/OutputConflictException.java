package org.winnow.core.output;

/** The output path holds something that is not a finished Winnow output, or changed under us. */
public final class OutputConflictException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public OutputConflictException(String message) {
    super(message);
  }
}
