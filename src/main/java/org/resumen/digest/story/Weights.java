package org.resumen.digest.story;

/**
 * How much each kind of evidence counts in {@link Similarity#score}; {@link #DEFAULT} was chosen on
 * the "dev" half of the labelled pairs (src/test/resources/story/pairs.yml) and checked on the other.
 *
 * @param prefixTerms     weight of a term's five-letter stem next to the term, so "candidata" and
 *                        "candidatura" meet (0 = off)
 * @param sharedNumber    added per number both mention, up to {@code maxSharedNumbers}
 * @param sharedName      added per name both mention, up to {@code maxSharedNames}
 * @param numbersDisagree taken off when both carry numbers and share none
 * @param daysDisagree    taken off when both name days or months and share none
 * @param namesDisagree   taken off when each headline names something the other never mentions
 * @param novelty         times the share of the headlines the other article does not mention
 * @param noveltyWhenNumbersShared the same factor when a number is shared (a shared figure is
 *                        stronger evidence than the headline's wording)
 * @param threshold       the score from which two articles are one story
 * @param minCosine       below this text similarity nothing merges, whatever else agrees
 */
record Weights(double prefixTerms, double sharedNumber, int maxSharedNumbers, double sharedName, int maxSharedNames,
        double numbersDisagree, double daysDisagree, double namesDisagree, double novelty,
        double noveltyWhenNumbersShared, double threshold, double minCosine) {
    // Chosen by a grid search over these parameters on the dev half: the best dev recall at dev
    // precision >= 0.95, then the widest capped margin around the threshold (see the README).
    static final Weights DEFAULT = new Weights(1.0, 0.05, 2, 0, 3, 0.30, 0.30, 0.40, 2.0, 0, -0.07, 0.15);
}
