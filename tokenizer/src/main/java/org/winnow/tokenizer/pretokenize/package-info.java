/**
 * Pre-tokenisation: the published patterns, hand-written scanners with the same splits (duel-tested
 * against {@code java.util.regex}), and the regex fallback for any other pattern.
 */
package org.winnow.tokenizer.pretokenize;
