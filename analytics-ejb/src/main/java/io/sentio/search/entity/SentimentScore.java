package io.sentio.search.entity;

/**
 * Lexicon-based sentiment of one text.
 *
 * @param sentiment class from the compound score: ≥ {@value #POSITIVE_THRESHOLD} positive,
 *                  ≤ −{@value #POSITIVE_THRESHOLD} negative, otherwise neutral (Hutto &amp; Gilbert 2014)
 * @param compound normalised sum of valences in [−1, 1]
 */
public record SentimentScore(Sentiment sentiment, double compound) {

    public static final double POSITIVE_THRESHOLD = 0.05;

    public SentimentScore {
        if (!(compound >= -1 && compound <= 1)) {
            throw new IllegalArgumentException("compound: " + compound + " is outside [-1, 1]");
        }
        if (sentiment != classOf(compound)) {
            throw new IllegalArgumentException("sentiment: " + sentiment + " does not match compound " + compound);
        }
    }

    public static SentimentScore of(double compound) {
        return new SentimentScore(classOf(compound), compound);
    }

    private static Sentiment classOf(double compound) {
        if (compound >= POSITIVE_THRESHOLD) {
            return Sentiment.POSITIVE;
        }
        return compound <= -POSITIVE_THRESHOLD ? Sentiment.NEGATIVE : Sentiment.NEUTRAL;
    }
}
