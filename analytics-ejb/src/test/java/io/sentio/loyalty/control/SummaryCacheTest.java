package io.sentio.loyalty.control;

import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class SummaryCacheTest {

    @Test
    void aResultIsReusedOnlyForTheSameKeyAndTheSameDataVersions() {
        SummaryCache<String> cache = new SummaryCache<>();
        AtomicInteger computed = new AtomicInteger();
        Map<String, Long> v1 = Map.of("transactions", 3L, "interactions", 1L);

        assertThat(cache.get("quarter", v1, () -> "a" + computed.incrementAndGet())).isEqualTo("a1");
        assertThat(cache.get("quarter", Map.of("interactions", 1L, "transactions", 3L),
                () -> "a" + computed.incrementAndGet())).as("same versions").isEqualTo("a1");
        assertThat(cache.get("month", v1, () -> "a" + computed.incrementAndGet())).as("other key").isEqualTo("a2");
        assertThat(cache.get("quarter", Map.of("transactions", 4L, "interactions", 1L),
                () -> "a" + computed.incrementAndGet())).as("data changed").isEqualTo("a3");
        assertThat(cache.get("quarter", v1, () -> "a" + computed.incrementAndGet()))
                .as("only the latest result per key is kept").isEqualTo("a4");
    }

    @Test
    void theLeastRecentlyUsedKeysGoFirst() {
        SummaryCache<Integer> cache = new SummaryCache<>();
        Map<String, Long> v = Map.of("transactions", 1L);
        for (int i = 0; i < SummaryCache.MAX_ENTRIES; i++) {
            int value = i;
            cache.get("k" + i, v, () -> value);
        }
        cache.get("k0", v, () -> -1); // touch k0: k1 is now the eldest
        cache.get("new", v, () -> 99);
        assertThat(cache.get("k0", v, () -> -1)).isZero();
        assertThat(cache.get("k1", v, () -> -1)).isEqualTo(-1);
    }
}
