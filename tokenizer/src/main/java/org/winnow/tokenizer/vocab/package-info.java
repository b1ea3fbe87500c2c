/**
 * Vocabulary formats: tiktoken rank files (with OpenAI's encodings defined here), GPT-2's
 * {@code encoder.json} + {@code vocab.bpe}, and Hugging Face {@code tokenizer.json}, all read into and
 * written from a {@link org.winnow.tokenizer.vocab.BpeDefinition}.
 */
package org.winnow.tokenizer.vocab;
