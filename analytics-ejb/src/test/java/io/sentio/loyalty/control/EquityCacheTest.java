package io.sentio.loyalty.control;

import static org.assertj.core.api.Assertions.assertThat;

import io.sentio.loyalty.entity.BgNbdParameters;
import io.sentio.loyalty.entity.GammaGammaParameters;
import org.junit.jupiter.api.Test;

class EquityCacheTest {

    private static EquityCache.Key key(int day) {
        return new EquityCache.Key(day * 31L, day, 52, 0);
    }

    private static EquityCache.Valuation valuation(int customers) {
        return new EquityCache.Valuation(1, new double[customers], new BgNbdParameters(1, 1, 1, 1),
                new GammaGammaParameters(1, 2, 1));
    }

    @Test
    void leastRecentlyUsedValuationsGoWhenTheValueBudgetIsExceeded() {
        EquityCache cache = new EquityCache(10);
        cache.put(key(1), valuation(4));
        cache.put(key(2), valuation(4));
        assertThat(cache.get(key(1))).isNotNull(); // now the most recently used
        cache.put(key(3), valuation(4));           // 12 values > 10: the least recently used (day 2) goes
        assertThat(cache.size()).isEqualTo(2);
        assertThat(cache.get(key(2))).isNull();
        assertThat(cache.get(key(1))).isNotNull();
        assertThat(cache.get(key(3))).isNotNull();
    }

    @Test
    void theNewestValuationIsKeptEvenAboveTheBudget() {
        EquityCache cache = new EquityCache(10);
        cache.put(key(1), valuation(4));
        cache.put(key(2), valuation(25));
        assertThat(cache.size()).isEqualTo(1);
        assertThat(cache.get(key(2))).isNotNull();
    }

    @Test
    void atMostMaxEntriesAreKept() {
        EquityCache cache = new EquityCache(Long.MAX_VALUE);
        for (int day = 0; day < EquityCache.MAX_ENTRIES + 5; day++) {
            cache.put(key(day), valuation(1));
        }
        assertThat(cache.size()).isEqualTo(EquityCache.MAX_ENTRIES);
        assertThat(cache.get(key(0))).isNull();
    }
}
