/**
 * The BPE core: token bytes, the byte-sequence index, the merge table, the per-piece merge and the
 * per-thread state. Internal to the tokenizer; public only so the other packages can reach it.
 */
package org.winnow.tokenizer.bpe;
