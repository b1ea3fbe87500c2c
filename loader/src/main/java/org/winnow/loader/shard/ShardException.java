package org.winnow.loader.shard;

import java.util.OptionalInt;

/**
 * A shard that cannot be read as the contract says: missing, truncated, corrupt, or of the wrong
 * schema. The message names the file and, where one is involved, the row group.
 */
public class ShardException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String file;
  private final int rowGroup;
  private final String reason;

  /** An error about a whole file (its footer or schema). */
  public ShardException(String file, String reason, Throwable cause) {
    this(file, -1, reason, cause);
  }

  /** An error in one row group of a file; {@code rowGroup} is -1 for the file as a whole. */
  public ShardException(String file, int rowGroup, String reason, Throwable cause) {
    super(describe(file, rowGroup, reason), cause);
    this.file = file;
    this.rowGroup = rowGroup;
    this.reason = reason;
  }

  /** The shard file, as its store spells it. */
  public String file() {
    return file;
  }

  /** The row group, when the error lies in one. */
  public OptionalInt rowGroup() {
    return rowGroup < 0 ? OptionalInt.empty() : OptionalInt.of(rowGroup);
  }

  /** What went wrong, without the location. */
  public String reason() {
    return reason;
  }

  /**
   * The same error raised again on another thread, keeping this one as its cause so that both
   * stack traces survive.
   */
  public ShardException rethrown() {
    return new ShardException(file, rowGroup, reason, this);
  }

  private static String describe(String file, int rowGroup, String reason) {
    return rowGroup < 0
        ? file + ": " + reason
        : file + " (row group " + rowGroup + "): " + reason;
  }
}
