package org.winnow.filter.config;

/**
 * A rule file that cannot be used. The message names the file, the line and the key, e.g.
 * {@code rules.yaml line 12: rule 'gopher_word_count': unknown parameter(s) 'mn' (known: ...)}.
 */
public final class FilterConfigException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  private final String source;
  private final int line;

  public FilterConfigException(String source, int line, String message) {
    super(source + (line > 0 ? " line " + line : "") + ": " + message);
    this.source = source;
    this.line = line;
  }

  public FilterConfigException(String source, int line, String message, Throwable cause) {
    super(source + (line > 0 ? " line " + line : "") + ": " + message, cause);
    this.source = source;
    this.line = line;
  }

  /** The file (or resource) name. */
  public String source() {
    return source;
  }

  /** The 1-based line, or 0 when unknown. */
  public int line() {
    return line;
  }
}
