package org.winnow.trainer.eval;

/** A document's summed loss: nats over its {@code tokens} predicted tokens, and its bytes. */
public record DocumentLoss(String docId, String source, int tokens, long nBytes, double nats) {}
