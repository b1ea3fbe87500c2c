package org.winnow.loader.store;

import java.net.URI;
import java.util.Locale;

/** Picks the store for a shard-set root by its URI scheme. */
public final class ShardStores {
  private ShardStores() {}

  /**
   * The local store for plain paths and {@code file:} URIs, a {@link HadoopShardStore} with
   * default configuration for any other scheme.
   */
  public static ShardStore forRoot(String root) {
    String scheme = scheme(root);
    if (scheme == null || scheme.equals("file")) {
      return LocalShardStore.INSTANCE;
    }
    return HadoopShardStore.withDefaults();
  }

  private static String scheme(String root) {
    int colon = root.indexOf(':');
    // A one-letter scheme is a Windows drive, not a URI.
    if (colon <= 1 || root.indexOf('/') < colon) {
      return null;
    }
    try {
      String s = URI.create(root).getScheme();
      return s == null ? null : s.toLowerCase(Locale.ROOT);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
