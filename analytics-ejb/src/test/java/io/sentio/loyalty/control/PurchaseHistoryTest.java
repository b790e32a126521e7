package io.sentio.loyalty.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sentio.loyalty.entity.InvalidLoyaltyDataException;
import io.sentio.loyalty.entity.PurchaseHistory;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class PurchaseHistoryTest {

    @Test
    void runningFiguresCountEarlierDaysAndSpendPerCustomer() {
        PurchaseHistory.Builder b = new PurchaseHistory.Builder();
        b.accept("a", 100, 10, null);
        b.accept("a", 100, 5, null);
        b.accept("a", 103, 1, "web");
        b.accept("b", 50, 7, null);
        b.accept("b", 60, 3, null);
        PurchaseHistory h = b.build();
        assertThat(new int[] {h.earlierDays(0), h.earlierDays(1), h.earlierDays(2), h.earlierDays(3), h.earlierDays(4)})
                .containsExactly(0, 0, 1, 0, 1);
        assertThat(new double[] {h.spendThrough(0), h.spendThrough(1), h.spendThrough(2), h.spendThrough(3),
            h.spendThrough(4)}).containsExactly(10, 15, 16, 7, 10);
        assertThat(h.touchpoint(2)).isEqualTo("web");
    }

    @Test
    void aCustomerSeenAgainAfterAnotherIsRefused() {
        PurchaseHistory.Builder b = new PurchaseHistory.Builder();
        b.accept("a", 100, 10, null);
        b.accept("b", 100, 10, null);
        assertThatThrownBy(() -> b.accept("a", 101, 1, null)).isInstanceOf(InvalidLoyaltyDataException.class)
                .hasMessageContaining("not contiguous");
    }

    /** Purchases in random order come out as the sorted input would build them (same-day order kept). */
    @Test
    void collectorOrdersAnyInputByCustomerThenDay() {
        SplittableRandom random = new SplittableRandom(8);
        List<Object[]> purchases = new ArrayList<>();
        for (int k = 0; k < 5_000; k++) {
            purchases.add(new Object[] {"c" + random.nextInt(300), (long) (19_000 + random.nextInt(60)),
                (double) k, random.nextBoolean() ? "web" : null});
        }
        PurchaseHistory.Collector collector = new PurchaseHistory.Collector();
        purchases.forEach(p -> collector.accept((String) p[0], (Long) p[1], (Double) p[2], (String) p[3]));
        PurchaseHistory collected = collector.build();

        List<Object[]> sorted = new ArrayList<>(purchases); // a stable sort keeps same-day order
        sorted.sort(Comparator.comparing((Object[] p) -> (String) p[0]).thenComparing(p -> (Long) p[1]));
        PurchaseHistory.Builder builder = new PurchaseHistory.Builder();
        sorted.forEach(p -> builder.accept((String) p[0], (Long) p[1], (Double) p[2], (String) p[3]));
        PurchaseHistory expected = builder.build();

        assertThat(collected.customers()).isEqualTo(expected.customers());
        assertThat(collected.size()).isEqualTo(5_000);
        for (int c = 0; c < expected.customers(); c++) {
            assertThat(collected.customer(c)).isEqualTo(expected.customer(c));
            assertThat(collected.end(c)).isEqualTo(expected.end(c));
        }
        for (int i = 0; i < expected.size(); i++) {
            assertThat(collected.day(i)).isEqualTo(expected.day(i));
            assertThat(collected.amount(i)).isEqualTo(expected.amount(i));
            assertThat(collected.touchpoint(i)).isEqualTo(expected.touchpoint(i));
        }
    }
}
