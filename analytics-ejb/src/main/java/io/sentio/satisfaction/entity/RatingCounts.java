package io.sentio.satisfaction.entity;

/**
 * How many answers each point of an integer rating scale received: counts[i] answers with rating
 * min + i. The mergeable form in which NPS, CSAT and CES answers are kept per touchpoint and day.
 */
public record RatingCounts(int min, int max, long[] counts) {

    public RatingCounts {
        if (max <= min) {
            throw new InvalidModelException("ratings: need min < max, got " + min + ".." + max);
        }
        if (counts == null || counts.length != max - min + 1) {
            throw new InvalidModelException("ratings: need " + (max - min + 1) + " counts for scale " + min + ".." + max);
        }
        counts = counts.clone();
        for (int i = 0; i < counts.length; i++) {
            if (counts[i] < 0) {
                throw new InvalidModelException("ratings: negative count for rating " + (min + i));
            }
        }
    }

    /** Counts an array of ratings (each must be an integer on the scale). */
    public static RatingCounts of(int min, int max, int... ratings) {
        long[] c = new long[max - min + 1];
        for (int r : ratings) {
            if (r < min || r > max) {
                throw new InvalidModelException("ratings: " + r + " is outside the scale " + min + ".." + max);
            }
            c[r - min]++;
        }
        return new RatingCounts(min, max, c);
    }

    public long total() {
        long t = 0;
        for (long c : counts) {
            t += c;
        }
        return t;
    }

    /** Answers with rating in [from, to]. */
    public long between(int from, int to) {
        long t = 0;
        for (int r = Math.max(from, min); r <= Math.min(to, max); r++) {
            t += counts[r - min];
        }
        return t;
    }

    /** n, Σx and Σx² of the ratings. */
    public MeanSummary summary() {
        long n = 0;
        double sum = 0;
        double sq = 0;
        for (int i = 0; i < counts.length; i++) {
            int r = min + i;
            n += counts[i];
            sum += (double) counts[i] * r;
            sq += (double) counts[i] * r * r;
        }
        return new MeanSummary(n, sum, sq);
    }

    /** Element-wise sum with ratings on the same scale. */
    public RatingCounts plus(RatingCounts other) {
        if (other.min != min || other.max != max) {
            throw new InvalidModelException("ratings: cannot add scale " + other.min + ".." + other.max + " to " + min + ".." + max);
        }
        long[] c = counts.clone();
        for (int i = 0; i < c.length; i++) {
            c[i] += other.counts[i];
        }
        return new RatingCounts(min, max, c);
    }

    @Override
    public long[] counts() {
        return counts.clone();
    }
}
