package org.winnow.trainer.eval;

/** One held-out document: its id and source, its tokens, and the UTF-8 bytes of its text. */
public record HeldoutDocument(String docId, String source, int[] tokens, long nBytes) {}
