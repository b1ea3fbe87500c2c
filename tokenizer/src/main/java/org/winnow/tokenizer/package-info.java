/**
 * Byte-level BPE: encoding, decoding, training and the vocabulary formats, with no Spark in sight.
 *
 * <h2>Encoding a document (what a Spark task does)</h2>
 *
 * <pre>{@code
 * Tokenizer tokenizer = Tokenizers.shared(Path.of("/vocab/r50k_base.tiktoken")); // once per JVM
 * IntArrayList ids = new IntArrayList();
 * tokenizer.encode(document.text(), ids);               // special-token text stays ordinary text
 * ids.add(tokenizer.endOfTextId().getAsInt());          // the job appends end-of-text itself
 * TokenizerIdentity id = tokenizer.identity();           // name, vocab size, sha256, EOT for manifest.json
 * }</pre>
 *
 * A {@link org.winnow.tokenizer.Tokenizer} is immutable and thread-safe; every thread gets its own
 * scratch state (an 8 MB cache of merged words) on first use, so one instance serves all the tasks
 * of an executor. Vocabularies that arrive as bytes load with
 * {@link org.winnow.tokenizer.Tokenizers#read(String, byte[])}.
 *
 * <h2>Training (the driver side of {@code train-tokenizer})</h2>
 *
 * <pre>{@code
 * PreTokenCounter counter = PreTokenCounter.forPattern(PreTokenPatterns.CL100K);
 * Object2LongOpenHashMap<String> counts = new Object2LongOpenHashMap<>();
 * counter.count(text, counts);                           // per partition; sum the maps by key
 * BpeDefinition vocabulary = new BpeTrainer(BpeTrainerConfig.of("web-32k", 32_000, PreTokenPatterns.CL100K))
 *     .train(counts);                                    // or train(Iterator<Map.Entry<String, Long>>)
 * TiktokenRankFile.write(vocabulary.tokens(), rankFile);
 * TokenizerJsonWriter.write(vocabulary, tokenizerJson);  // loads and encodes identically in Hugging Face
 * Tokenizer trained = Tokenizer.of(vocabulary);
 * }</pre>
 *
 * <h2>Text the tokenizer cannot see as UTF-8</h2>
 *
 * Text is encoded as the UTF-8 of the Java string. A lone surrogate, which a Java string can hold
 * and UTF-8 cannot, is encoded as {@code '?'}, the byte {@code String.getBytes(UTF_8)} gives and
 * jtokkit encodes (tiktoken in Python substitutes U+FFFD; Hugging Face through DJL sees three
 * U+FFFD). Bytes that were not UTF-8 in storage were already replaced by U+FFFD when the text was
 * decoded, and encode as that character.
 */
package org.winnow.tokenizer;
