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
 * before the boundary (customer, day, amount, touchpoint, see {@link EquityTimeline}); it holds the CLV of each customer
 * acquired by then, in customer order, and the fitted models (the start of the next boundary's fits). Memory:
 * 8 bytes per customer per entry; the least recently used entries are dropped beyond {@value #MAX_ENTRIES} entries
 * or beyond a budget of values (by default an eighth of the maximum heap: 16 boundaries of a million customers
 * in the default 1 GiB). Thread-safe.
 */
public final class EquityCache {

    static final int MAX_ENTRIES = 48;

    private final long maxValues;
    private long values;

    /** A cache holding at most an eighth of the maximum heap in CLV values. */
    public EquityCache() {
        this(Runtime.getRuntime().maxMemory() / 8 / Double.BYTES);
    }

    /** A cache holding at most {@code maxValues} CLV values in all (the newest entry is kept even if larger). */
    EquityCache(long maxValues) {
        this.maxValues = maxValues;
    }

    record Key(long fingerprint, int day, double horizonWeeks, double discountRate) {
    }

    record Valuation(double total, double[] memberClv, BgNbdParameters purchaseModel, GammaGammaParameters spendModel) {
    }

    private final LinkedHashMap<Key, Valuation> entries = new LinkedHashMap<>(16, 0.75f, true);

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
            Valuation replaced = entries.put(key, entry);
            values += entry.memberClv().length - (replaced == null ? 0 : replaced.memberClv().length);
            var eldest = entries.entrySet().iterator();
            while (entries.size() > 1 && (entries.size() > MAX_ENTRIES || values > maxValues)) {
                values -= eldest.next().getValue().memberClv().length;
                eldest.remove();
            }
        }
    }
}
