package org.winnow.tokenizer;

import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.Encoding;
import com.knuddels.jtokkit.api.EncodingRegistry;
import com.knuddels.jtokkit.api.EncodingType;
import org.winnow.tokenizer.vocab.TiktokenEncoding;

/** jtokkit, the reference for the OpenAI encodings. */
public final class JtokkitReference {

  private static final EncodingRegistry REGISTRY = Encodings.newLazyEncodingRegistry();

  private JtokkitReference() {}

  /** jtokkit's encoding for {@code encoding}. */
  public static Encoding of(TiktokenEncoding encoding) {
    return REGISTRY.getEncoding(EncodingType.fromName(encoding.encodingName()).orElseThrow());
  }

  /** jtokkit's ids for {@code text}, special-token text as ordinary text. */
  public static int[] encode(Encoding encoding, String text) {
    return encoding.encodeOrdinary(text).toArray();
  }
}
