package io.sentio.satisfaction.entity;

/**
 * The answer scale of the items, used to rescale construct scores to 0–100 (ACSI: 1–10).
 *
 * @param min lowest possible answer
 * @param max highest possible answer, greater than {@code min}
 */
public record ItemScale(double min, double max) {

    /** The ACSI 1–10 scale. */
    public static final ItemScale ACSI = new ItemScale(1, 10);

    public ItemScale {
        if (!Double.isFinite(min) || !Double.isFinite(max) || !(max > min)) {
            throw new InvalidModelException("scale: need finite min < max, got min=" + min + ", max=" + max);
        }
    }

    /** Position of {@code value} on the scale as 0–100. */
    public double toPercent(double value) {
        return 100.0 * (value - min) / (max - min);
    }
}
