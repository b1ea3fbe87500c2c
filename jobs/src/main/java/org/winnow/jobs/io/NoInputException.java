package org.winnow.jobs.io;

/** An input path or glob matched no file: a usage error, reported before any work starts. */
public final class NoInputException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public NoInputException(String message) {
    super(message);
  }
}
