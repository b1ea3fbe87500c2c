/**
 * Training: counting pre-tokens (the map step) and learning merges from the counts (the driver step).
 */
package org.winnow.tokenizer.train;
