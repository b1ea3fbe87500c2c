package org.winnow.tokenizer;

import it.unimi.dsi.fastutil.ints.IntArrayList;
import it.unimi.dsi.fastutil.ints.IntList;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import org.winnow.core.text.WellFormedUtf8;
import org.winnow.tokenizer.bpe.BpeModel;
import org.winnow.tokenizer.bpe.EncoderScratch;
import org.winnow.tokenizer.bpe.TokenBytes;
import org.winnow.tokenizer.pretokenize.PreTokenizer;
import org.winnow.tokenizer.pretokenize.PreTokenizers;
import org.winnow.tokenizer.vocab.BpeDefinition;

/**
 * A byte-level BPE encoder and decoder. Immutable and thread-safe: load one per JVM (see
 * {@link Tokenizers#shared}) and call it from any number of threads; each thread lazily gets its
 * own scratch state (about 8 MB, mostly a cache of recently merged words).
 *
 * <p>Text is encoded as the UTF-8 of the Java string, with each lone surrogate as {@code '?'} (what
 * {@code String.getBytes(UTF_8)} and jtokkit do), so {@code decode(encode(s)).equals(s)} for every
 * string without lone surrogates. Text already held as UTF-8 is encoded from its bytes
 * ({@link #encodeUtf8}), with the same ids. Special-token text such as {@code <|endoftext|>} is
 * ordinary text unless the caller allows it by name.
 */
public final class Tokenizer {

  private final BpeModel model;
  private final PreTokenizer preTokenizer;
  private final TokenBytes decodeTable;
  private final Map<String, Integer> specialTokens;
  private final TokenizerIdentity identity;
  private final ThreadLocal<EncoderScratch> scratch;

  private Tokenizer(BpeModel model, PreTokenizer preTokenizer, TokenBytes decodeTable,
      Map<String, Integer> specialTokens, TokenizerIdentity identity) {
    this.model = model;
    this.preTokenizer = preTokenizer;
    this.decodeTable = decodeTable;
    this.specialTokens = specialTokens;
    this.identity = identity;
    this.scratch = ThreadLocal.withInitial(model::newScratch);
  }

  /**
   * The tokenizer of {@code definition}.
   *
   * @throws IllegalArgumentException if the vocabulary cannot encode every byte, two tokens share
   *     bytes, or the pattern is not a valid regular expression
   */
  public static Tokenizer of(BpeDefinition definition) {
    TokenBytes ordinary = TokenBytes.of(definition.tokens());
    BpeModel model = definition.isListed()
        ? BpeModel.fromMerges(ordinary, definition.mergeLefts(), definition.mergeRights(), definition.ignoreMerges())
        : BpeModel.fromRanks(ordinary);
    int vocabSize = definition.vocabSize();
    byte[][] all = new byte[vocabSize][];
    System.arraycopy(definition.tokens(), 0, all, 0, definition.tokens().length);
    for (Map.Entry<String, Integer> special : definition.specialTokens().entrySet()) {
      all[special.getValue()] = special.getKey().getBytes(StandardCharsets.UTF_8);
    }
    return new Tokenizer(model, PreTokenizers.forPattern(definition.pattern()), TokenBytes.of(all),
        Collections.unmodifiableMap(new LinkedHashMap<>(definition.specialTokens())),
        new TokenizerIdentity(definition.name(), vocabSize, definition.sha256(), definition.endOfTextId()));
  }

  /** The ids of {@code text}, special-token text encoded as ordinary text. */
  public int[] encode(String text) {
    IntArrayList out = new IntArrayList(text.length() / 2 + 16);
    encode(text, out);
    return out.toIntArray();
  }

  /** Appends the ids of {@code text} to {@code out}, special-token text encoded as ordinary text. */
  public void encode(String text, IntArrayList out) {
    byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
    EncoderScratch s = scratch.get();
    encodeOrdinary(utf8, 0, utf8.length, out, s);
    s.release();
  }

  /**
   * Appends the ids of the UTF-8 text {@code utf8[offset, offset + length)} to {@code out},
   * special-token text encoded as ordinary text: the same ids as {@link #encode(String)} of the
   * decoded text, without decoding it.
   *
   * @throws MalformedUtf8Exception if the bytes are not well-formed UTF-8; {@code out} is then
   *     unchanged
   */
  public void encodeUtf8(byte[] utf8, int offset, int length, IntArrayList out) {
    int malformed = WellFormedUtf8.firstMalformed(utf8, offset, offset + length);
    if (malformed >= 0) {
      throw new MalformedUtf8Exception(malformed - offset, length);
    }
    EncoderScratch s = scratch.get();
    encodeOrdinary(utf8, offset, offset + length, out, s);
    s.release();
  }

  /**
   * The ids of {@code text}, where the special tokens named in {@code allowedSpecial} become their
   * ids and all other text, other special tokens included, is ordinary.
   *
   * @throws IllegalArgumentException if {@code allowedSpecial} names a token that is not special
   */
  public int[] encode(String text, Set<String> allowedSpecial) {
    IntArrayList out = new IntArrayList(text.length() / 2 + 16);
    encode(text, allowedSpecial, out);
    return out.toIntArray();
  }

  /** As {@link #encode(String, Set)}, appending to {@code out}. */
  public void encode(String text, Set<String> allowedSpecial, IntArrayList out) {
    if (allowedSpecial.isEmpty()) {
      encode(text, out);
      return;
    }
    String[] tokens = allowedSpecial.toArray(new String[0]);
    int[] ids = new int[tokens.length];
    for (int t = 0; t < tokens.length; t++) {
      Integer id = specialTokens.get(tokens[t]);
      if (id == null) {
        throw new IllegalArgumentException("not a special token of " + identity.name() + ": " + tokens[t]);
      }
      ids[t] = id;
    }
    EncoderScratch s = scratch.get();
    SpecialTokenMatcher matcher = new SpecialTokenMatcher(text, tokens, ids);
    int from = 0;
    int match;
    while ((match = matcher.find(from)) >= 0) {
      encodeOrdinary(text, from, matcher.start(match), out, s);
      out.add(matcher.id(match));
      from = matcher.end(match);
    }
    encodeOrdinary(text, from, text.length(), out, s);
    s.release();
  }

  private void encodeOrdinary(String text, int from, int to, IntArrayList out, EncoderScratch s) {
    byte[] utf8 = text.substring(from, to).getBytes(StandardCharsets.UTF_8);
    encodeOrdinary(utf8, 0, utf8.length, out, s);
  }

  private void encodeOrdinary(byte[] utf8, int from, int to, IntArrayList out, EncoderScratch s) {
    preTokenizer.split(utf8, from, to, (text, start, end) -> {
      int len = end - start;
      // The piece is copied so that the model's eight-byte reads have padding behind it.
      byte[] piece = s.buffer(len);
      System.arraycopy(text, start, piece, 0, len);
      model.encodePiece(piece, len, out, s);
    });
  }

  /** The UTF-8 bytes of {@code ids}. */
  public byte[] decodeBytes(int[] ids) {
    return decodeBytes(IntArrayList.wrap(ids));
  }

  /**
   * The UTF-8 bytes of {@code ids}.
   *
   * @throws IllegalArgumentException naming the position of an id that is not a token
   */
  public byte[] decodeBytes(IntList ids) {
    long total = 0;
    for (int i = 0; i < ids.size(); i++) {
      int id = ids.getInt(i);
      if (!decodeTable.has(id)) {
        throw new IllegalArgumentException("id " + id + " at position " + i + " is not a token of " + identity.name());
      }
      total += decodeTable.length(id);
    }
    if (total > Integer.MAX_VALUE - 8) {
      throw new IllegalArgumentException("decoded text too large: " + total + " bytes");
    }
    byte[] out = new byte[(int) total];
    int at = 0;
    for (int i = 0; i < ids.size(); i++) {
      at = decodeTable.copy(ids.getInt(i), out, at);
    }
    return out;
  }

  /** The text of {@code ids}; bytes that do not form valid UTF-8 decode to U+FFFD. */
  public String decode(int[] ids) {
    return new String(decodeBytes(ids), StandardCharsets.UTF_8);
  }

  /** The text of {@code ids}; bytes that do not form valid UTF-8 decode to U+FFFD. */
  public String decode(IntList ids) {
    return new String(decodeBytes(ids), StandardCharsets.UTF_8);
  }

  /** Name, vocabulary size, file hash and end-of-text id, for manifests. */
  public TokenizerIdentity identity() {
    return identity;
  }

  /** One more than the largest id, special tokens included. */
  public int vocabSize() {
    return identity.vocabSize();
  }

  /** The id of {@code <|endoftext|>}, if the vocabulary has one. */
  public OptionalInt endOfTextId() {
    return identity.endOfTextId();
  }

  /** Special token text to id. */
  public Map<String, Integer> specialTokens() {
    return specialTokens;
  }

  /** The pre-tokenisation pattern. */
  public String pattern() {
    return preTokenizer.pattern();
  }

  /** The pre-tokenizer, for counting pre-tokens with the same splits. */
  public PreTokenizer preTokenizer() {
    return preTokenizer;
  }
}
