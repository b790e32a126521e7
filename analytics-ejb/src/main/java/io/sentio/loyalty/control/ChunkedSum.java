package io.sentio.loyalty.control;

import java.util.stream.IntStream;

/**
 * Sums a per-index quantity over [0, n) in fixed chunks evaluated in parallel (common fork-join pool) and then
 * added in chunk order, so that the result is bit-for-bit the same whatever the number of threads or their
 * scheduling. Likelihoods of a million customers are sums of this kind.
 */
final class ChunkedSum {

    /** Sums one chunk [from, to). */
    @FunctionalInterface
    interface Range {
        double sum(int from, int to);
    }

    /** Adds one chunk [from, to) into {@code sums}. */
    @FunctionalInterface
    interface VectorRange {
        void sum(int from, int to, double[] sums);
    }

    private static final int CHUNK = 1 << 15;

    private ChunkedSum() {
    }

    static double over(int n, Range range) {
        int chunks = (n + CHUNK - 1) / CHUNK;
        if (chunks <= 1) {
            return range.sum(0, n);
        }
        double[] partial = new double[chunks];
        IntStream.range(0, chunks).parallel()
                .forEach(c -> partial[c] = range.sum(c * CHUNK, Math.min(n, (c + 1) * CHUNK)));
        double total = 0;
        for (double p : partial) {
            total += p;
        }
        return total;
    }

    /** Component-wise sums of a {@code dimension}-vector over [0, n), deterministic as {@link #over}. */
    static double[] vector(int n, int dimension, VectorRange range) {
        int chunks = Math.max(1, (n + CHUNK - 1) / CHUNK);
        double[][] partial = new double[chunks][dimension];
        IntStream.range(0, chunks).parallel()
                .forEach(c -> range.sum(c * CHUNK, Math.min(n, (c + 1) * CHUNK), partial[c]));
        double[] total = new double[dimension];
        for (double[] p : partial) {
            for (int j = 0; j < dimension; j++) {
                total[j] += p[j];
            }
        }
        return total;
    }
}
