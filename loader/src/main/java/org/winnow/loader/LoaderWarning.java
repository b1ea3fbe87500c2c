package org.winnow.loader;

import java.util.OptionalInt;
import org.winnow.loader.shard.ShardException;

/**
 * A shard file or row group left out under {@link CorruptShardPolicy#SKIP}.
 *
 * @param dataset the dataset it belongs to
 * @param file the shard file
 * @param rowGroup the row group, when the error lies in one
 * @param reason why it was left out
 */
public record LoaderWarning(String dataset, String file, OptionalInt rowGroup, String reason) {
  static LoaderWarning of(String dataset, ShardException e) {
    return new LoaderWarning(dataset, e.file(), e.rowGroup(), e.reason());
  }

  @Override
  public String toString() {
    return dataset + ": skipped " + file
        + (rowGroup.isPresent() ? " (row group " + rowGroup.getAsInt() + ")" : "") + ": " + reason;
  }
}
