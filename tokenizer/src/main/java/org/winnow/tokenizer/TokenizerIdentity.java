package org.winnow.tokenizer;

import java.util.OptionalInt;

/**
 * What a token shard's manifest records about the tokenizer that wrote it, so a loader can refuse
 * shards from a different one.
 *
 * @param name the encoding's or file's name ({@code r50k_base}, {@code gpt2}, ...)
 * @param vocabSize one more than the largest id, special tokens included
 * @param sha256 the SHA-256 (hex) of the vocabulary file(s) it was loaded from
 * @param endOfTextId the id of {@code <|endoftext|>}, if the vocabulary has one
 */
public record TokenizerIdentity(String name, int vocabSize, String sha256, OptionalInt endOfTextId) {}
