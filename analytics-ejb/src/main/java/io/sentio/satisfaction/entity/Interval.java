package io.sentio.satisfaction.entity;

/**
 * A two-sided confidence interval {@code [lower, upper]}, serialised as {@code [lo, hi]}.
 */
public record Interval(double lower, double upper) {

    public Interval {
        if (Double.isNaN(lower) || Double.isNaN(upper) || lower > upper) {
            throw new IllegalArgumentException("interval: need lower <= upper, got [" + lower + ", " + upper + "]");
        }
    }

    public boolean contains(double value) {
        return value >= lower && value <= upper;
    }

    public double width() {
        return upper - lower;
    }

    /** {@code [lower, upper]} as an array, the JSON shape of the "ci95" fields. */
    public double[] toArray() {
        return new double[] {lower, upper};
    }
}
