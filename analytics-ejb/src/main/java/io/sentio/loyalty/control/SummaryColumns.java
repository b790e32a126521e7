package io.sentio.loyalty.control;

import io.sentio.loyalty.entity.CustomerSummaries;

import java.util.Arrays;

/**
 * Customer summaries collected row by row into growing primitive columns (no object per customer), then
 * handed over as {@link CustomerSummaries}. Not thread-safe: one reader or summarizer fills it.
 */
final class SummaryColumns {

    private String[] ids = new String[1024];
    private int[] frequency = new int[1024];
    private double[] recency = new double[1024];
    private double[] age = new double[1024];
    private double[] monetary = new double[1024];
    private int size;

    void add(String id, int x, double tx, double t, double m) {
        if (size == ids.length) {
            int capacity = size * 2;
            ids = Arrays.copyOf(ids, capacity);
            frequency = Arrays.copyOf(frequency, capacity);
            recency = Arrays.copyOf(recency, capacity);
            age = Arrays.copyOf(age, capacity);
            monetary = Arrays.copyOf(monetary, capacity);
        }
        ids[size] = id;
        frequency[size] = x;
        recency[size] = tx;
        age[size] = t;
        monetary[size] = m;
        size++;
    }

    int size() {
        return size;
    }

    CustomerSummaries toSummaries() {
        return CustomerSummaries.of(Arrays.copyOf(ids, size), Arrays.copyOf(frequency, size),
                Arrays.copyOf(recency, size), Arrays.copyOf(age, size), Arrays.copyOf(monetary, size));
    }
}
