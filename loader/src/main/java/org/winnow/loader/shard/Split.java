package org.winnow.loader.shard;

import java.util.Locale;

/** The two splits of a shard set; the name is the directory and the manifest key. */
public enum Split {
  TRAIN,
  HELDOUT;

  /** {@code train} or {@code heldout}. */
  public String dirName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The split named {@code name} ({@code train} or {@code heldout}, any case). */
  public static Split named(String name) {
    for (Split s : values()) {
      if (s.dirName().equalsIgnoreCase(name)) {
        return s;
      }
    }
    throw new IllegalArgumentException("unknown split '" + name + "': expected train or heldout");
  }
}
