package io.sentio.loyalty.control;

import io.sentio.loyalty.entity.PeriodSummary;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Period summaries kept across loyalty summaries while everything they depend on is unchanged. Why: every figure
 * of a period [s, e) depends only on the purchases before e (and on the request's parameters and the other records
 * it reads), and new transactions land in the current period, so after an import only the last period needs
 * computing again, not every quarter of every year.
 *
 * <p>An entry is keyed by the period, a 64-bit fingerprint of every purchase before its end (the one
 * {@link EquityTimeline} computes for customer equity) and a description of everything else the period read: the
 * request's parameters and the write counters of the interactions and profiles. Small (one summary per entry);
 * at most {@value #MAX_ENTRIES} entries, least recently used dropped. Thread-safe.
 */
public final class PeriodCache {

    static final int MAX_ENTRIES = 1_024;

    /** @param inputs everything but the purchases that the period's figures depend on */
    record Key(long purchasesBeforeEnd, int start, int end, String inputs) {
    }

    private final Map<Key, PeriodSummary> entries = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Key, PeriodSummary> eldest) {
            return size() > MAX_ENTRIES;
        }
    };

    PeriodSummary get(Key key) {
        synchronized (entries) {
            return entries.get(key);
        }
    }

    void put(Key key, PeriodSummary summary) {
        synchronized (entries) {
            entries.put(key, summary);
        }
    }
}
