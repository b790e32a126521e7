package io.sentio.loyalty.control;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The latest result per request key, reused while the data it was computed from is unchanged. The data is
 * identified by its versions (per record kind, bumped by every write, see {@code RecordStore#versions}), which
 * the caller reads <em>before</em> reading the data: a result computed from data newer than its versions is
 * only recomputed once more, never served stale.
 *
 * <p>Why: a loyalty summary reads every stored transaction and fits the CLV models at every period boundary
 * (tens of seconds at 20 million transactions), while dashboards ask for the same figures over and over.
 *
 * <p>Thread-safe; at most {@link #MAX_ENTRIES} keys (least recently used dropped). Two callers missing at once
 * both compute.
 */
public final class SummaryCache<V> {

    static final int MAX_ENTRIES = 32;

    private record Cached<V>(Map<String, Long> versions, V value) {
    }

    private final Map<String, Cached<V>> entries = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Cached<V>> eldest) {
            return size() > MAX_ENTRIES;
        }
    };

    /** The cached value of {@code key} if computed at {@code versions}, else {@code compute}'s (then cached). */
    public V get(String key, Map<String, Long> versions, Supplier<V> compute) {
        synchronized (entries) {
            Cached<V> entry = entries.get(key);
            if (entry != null && entry.versions().equals(versions)) {
                return entry.value();
            }
        }
        V value = compute.get();
        synchronized (entries) {
            entries.put(key, new Cached<>(Map.copyOf(versions), value));
        }
        return value;
    }
}
