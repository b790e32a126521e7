package io.sentio.search.entity;

import java.util.Objects;

/**
 * A term significantly more frequent in a foreground set of comments than in the background.
 *
 * @param term the word or two-word phrase as written most often in the foreground
 * @param score Dunning's log-likelihood ratio G² of the term's 2×2 document table (≥ 0)
 * @param count number of foreground comments containing the term
 */
public record KeyTerm(String term, double score, long count) {

    public KeyTerm {
        Objects.requireNonNull(term, "term");
        if (!(score >= 0) || Double.isInfinite(score)) {
            throw new IllegalArgumentException("score: " + score + " is not a finite non-negative G²");
        }
        if (count < 0) {
            throw new IllegalArgumentException("count: negative");
        }
    }
}
