package org.winnow.loader.json;

/** A JSON document whose shape is not the one expected; the message names the key path. */
public final class JsonFormatException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  private final String path;
  private final String problem;

  public JsonFormatException(String problem) {
    this("", problem);
  }

  private JsonFormatException(String path, String problem) {
    super(path.isEmpty() ? problem : path + ": " + problem);
    this.path = path;
    this.problem = problem;
  }

  /** The same problem, located inside {@code key} (a name, or an index as {@code [n]}). */
  JsonFormatException in(String key) {
    if (key.isEmpty()) {
      return this;
    }
    String joined = path.isEmpty() ? key : path.startsWith("[") ? key + path : key + "." + path;
    return new JsonFormatException(joined, problem);
  }
}
