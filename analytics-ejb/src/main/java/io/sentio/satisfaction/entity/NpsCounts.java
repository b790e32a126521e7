package io.sentio.satisfaction.entity;

/** Promoters (9–10), passives (7–8) and detractors (0–6) of a 0–10 likelihood-to-recommend question. */
public record NpsCounts(long promoters, long passives, long detractors) {

    public NpsCounts {
        if (promoters < 0 || passives < 0 || detractors < 0) {
            throw new InvalidModelException("nps: counts must not be negative");
        }
    }

    /** Buckets 0–10 ratings. */
    public static NpsCounts of(RatingCounts ratings) {
        if (ratings.min() != 0 || ratings.max() != 10) {
            throw new InvalidModelException("nps: needs a 0–10 scale, got " + ratings.min() + ".." + ratings.max());
        }
        return new NpsCounts(ratings.between(9, 10), ratings.between(7, 8), ratings.between(0, 6));
    }

    public long total() {
        return promoters + passives + detractors;
    }

    public NpsCounts plus(NpsCounts o) {
        return new NpsCounts(promoters + o.promoters, passives + o.passives, detractors + o.detractors);
    }
}
