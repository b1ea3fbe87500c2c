package org.winnow.loader.manifest;

import org.winnow.loader.shard.ShardException;

/** Shards tokenized with a tokenizer other than the one the caller trains with. */
public final class TokenizerMismatchException extends ShardException {
  private static final long serialVersionUID = 1L;

  public TokenizerMismatchException(String manifest, String expectedSha256, String foundSha256,
      String foundName) {
    super(manifest,
        "tokenizer hash " + foundSha256 + " (" + foundName + ") differs from the expected "
            + expectedSha256 + "; these shards were tokenized with another vocabulary",
        null);
  }
}
