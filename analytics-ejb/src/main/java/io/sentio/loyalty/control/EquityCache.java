package io.sentio.loyalty.control;

import io.sentio.loyalty.entity.BgNbdParameters;
import io.sentio.loyalty.entity.GammaGammaParameters;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Customer equity at a period boundary, kept across summaries while the purchases before that boundary are
 * unchanged. Why: equity at a day depends only on the purchases before it, and new transactions mostly land in
 * the current period, so a summary asked again after an import refits only the boundaries the new data reaches
 * (the fits are most of a summary's cost), instead of every boundary of every year.
 *
 * <p>An entry is keyed by the boundary, the valuation parameters and a 64-bit fingerprint of every purchase
 * before the boundary (customer, day, amount, see {@link EquityTimeline}); it holds the CLV of each customer
 * acquired by then, in customer order, and the fitted models (the start of the next boundary's fits). Memory:
 * 8 bytes per customer per entry, at most {@value #MAX_ENTRIES} entries (least recently used dropped).
 * Thread-safe.
 */
public final class EquityCache {

    static final int MAX_ENTRIES = 48;

    record Key(long fingerprint, int day, double horizonWeeks, double discountRate) {
    }

    record Valuation(double total, double[] memberClv, BgNbdParameters purchaseModel, GammaGammaParameters spendModel) {
    }

    private final Map<Key, Valuation> entries = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Key, Valuation> eldest) {
            return size() > MAX_ENTRIES;
        }
    };

    Valuation get(Key key) {
        synchronized (entries) {
            return entries.get(key);
        }
    }

    /**
     * The most recently used valuation at the same day and parameters for other purchases (e.g. before the
     * latest import), whose fitted models are the best start for refitting that day; null if there is none.
     */
    Valuation latestAt(Key key) {
        synchronized (entries) {
            Valuation latest = null;
            for (Map.Entry<Key, Valuation> e : entries.entrySet()) {
                Key k = e.getKey();
                if (k.day() == key.day() && k.horizonWeeks() == key.horizonWeeks()
                        && k.discountRate() == key.discountRate()) {
                    latest = e.getValue(); // iteration runs from least to most recently used
                }
            }
            return latest;
        }
    }

    int size() {
        synchronized (entries) {
            return entries.size();
        }
    }

    void put(Key key, Valuation entry) {
        synchronized (entries) {
            entries.put(key, entry);
        }
    }
}
