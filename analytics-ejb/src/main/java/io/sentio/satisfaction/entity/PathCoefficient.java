package io.sentio.satisfaction.entity;

/**
 * An estimated inner path: the standardized OLS coefficient of {@code from} in the regression of
 * {@code to} on its predecessors' scores, with its bootstrap percentile 95% interval when one was run.
 *
 * @param ci95 null without bootstrap
 */
public record PathCoefficient(String from, String to, double coefficient, Interval ci95) {

    public PathCoefficient withCi95(Interval ci) {
        return new PathCoefficient(from, to, coefficient, ci);
    }

    public String key() {
        return from + "->" + to;
    }
}
