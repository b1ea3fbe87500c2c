package org.winnow.jobs.tokenize;

import org.winnow.core.ledger.Ledger;

/**
 * The result of a train-tokenizer run.
 *
 * @param rankFile the tiktoken rank file written
 * @param tokenizerJson the {@code tokenizer.json} written
 * @param vocabSize ids in the trained vocabulary (fewer than asked when pairs ran out)
 * @param distinctPreTokens distinct pre-tokens the merges were learned from
 * @param countSeconds the Spark job that counted pre-tokens
 * @param mergeSeconds merge learning on the driver
 */
public record TrainTokenizerReport(String output, boolean skipped, Ledger ledger,
    String rankFile, String tokenizerJson, int vocabSize, long distinctPreTokens,
    double countSeconds, double mergeSeconds, double elapsedSeconds) {}
