package org.winnow.jobs.decontam;

/**
 * How much of the training data overlaps one protected source.
 *
 * @param source        the protected source
 * @param texts         protected texts in it
 * @param tooShort      of those, texts shorter than the shingle size (they cannot be matched)
 * @param documents     training documents sharing at least the threshold of shingles with it
 * @param shingles      shingles those documents share with it, summed
 */
public record SourceOverlap(String source, long texts, long tooShort, long documents, long shingles) {}
