package org.winnow.trainer.eval;

/**
 * Loss over a set of documents, in nats per token and bits per byte, each with a 95% bootstrap
 * confidence interval over documents.
 */
public record LossEstimate(String name, int documents, long tokens, long bytes,
    double natsPerToken, double natsLow, double natsHigh,
    double bitsPerByte, double bpbLow, double bpbHigh) {}
