package io.sentio.loyalty.entity;

/**
 * Quintile scores 1&ndash;5 for recency, frequency and monetary value; 5 is best (most recent, most frequent,
 * highest spend).
 */
public record RfmScore(int recency, int frequency, int monetary) {

    public RfmScore {
        requireScore("recency", recency);
        requireScore("frequency", frequency);
        requireScore("monetary", monetary);
    }

    static void requireScore(String name, int score) {
        if (score < 1 || score > 5) {
            throw new InvalidLoyaltyDataException(name + " score must be in 1..5, was " + score, 0, name);
        }
    }

    public RfmSegment segment() {
        return RfmSegment.of(recency, frequency);
    }

    /** The conventional three-digit cell label, e.g. "545". */
    public String cell() {
        return "" + recency + frequency + monetary;
    }
}
